import {
  api,
  type ApiAnswer,
  type RunningPlatform,
  startPlatform,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

// Defects of the immunity rules an officer or a trooper would meet first (issue 8), through the
// gateway: the 60-day extension of the time to leave, and the guidance for a consular officer who
// is a U.S. national (VCCR Art. 71(1): official acts only, no personal inviolability).
describe('immunity defects', () => {
  let platform: RunningPlatform;
  let officer: string;
  let trooper: string;
  let embassyId: string;

  const post = (path: string, body: unknown): Promise<ApiAnswer> =>
    api(platform.baseUrl, 'POST', path, { token: officer, body });

  const accredited = async (body: object): Promise<ApiAnswer> => {
    const member = await post('/api/v1/members', body);
    expect(member.status).toBe(201);
    const decided = await post(`/api/v1/members/${member.body.id}/accreditation`, { decision: 'accredit' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('accredited');
    return decided;
  };

  beforeAll(async () => {
    platform = await startPlatform('immunity-defects');
    officer = await platform.issuer.token({ sub: 'officer-8', roles: ['ofm-officer'] });
    trooper = await platform.issuer.token({ sub: 'trooper-8', roles: ['law-enforcement'] });
    const embassy = await post('/api/v1/missions', embassyOfFrance);
    expect(embassy.status).toBe(201);
    embassyId = embassy.body.id;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('terminates with the extension: immunity ends 60 days out and the ID card is due then', async () => {
    const member = await accredited(firstSecretary(embassyId, isoDate(-40)));
    const idCard = member.body.idCard.number;
    const terminated = await post(`/api/v1/members/${member.body.id}/termination`, {
      effectiveDate: isoDate(0),
      reason: 'end of assignment',
      departureExtensionRequested: true,
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({
      status: 'terminated',
      departureExtensionRequested: true,
      immunityEndsOn: isoDate(60),
    });
    expect(terminated.body.openItems).toEqual([
      { document: 'id-card', reference: idCard, dueOn: isoDate(60), status: 'open', returnedOn: null },
    ]);
    const read = await api(platform.baseUrl, 'GET', `/api/v1/members/${member.body.id}`, { token: officer });
    expect(read.body).toMatchObject({ departureExtensionRequested: true, immunityEndsOn: isoDate(60) });
  });

  it('terminates without the extension: 30 days, and says so', async () => {
    const member = await accredited({ ...firstSecretary(embassyId, isoDate(-40)), givenName: 'Louis' });
    const terminated = await post(`/api/v1/members/${member.body.id}/termination`, {
      effectiveDate: isoDate(0),
      reason: 'end of assignment',
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ departureExtensionRequested: false, immunityEndsOn: isoDate(30) });
    expect(terminated.body.openItems[0].dueOn).toBe(isoDate(30));
  });

  it('refuses an extension that is not a yes or no, naming the field', async () => {
    const member = await accredited({ ...firstSecretary(embassyId, isoDate(-40)), givenName: 'Anne' });
    const refused = await post(`/api/v1/members/${member.body.id}/termination`, {
      effectiveDate: isoDate(0),
      reason: 'end of assignment',
      departureExtensionRequested: 'sixty days',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('departureExtensionRequested');
  });

  it('tells a trooper that a U.S.-national consular officer may be arrested: official acts only', async () => {
    const consulate = await post('/api/v1/missions', {
      ...embassyOfFrance,
      name: 'Consulate General of France in Washington',
      type: 'consular-post',
      consularClass: 'consulate-general',
    });
    expect(consulate.status).toBe(201);
    const consul = await accredited({
      ...firstSecretary(consulate.body.id, isoDate(-5)),
      givenName: 'Marc',
      category: 'consular-officer',
      title: 'Consul',
      usCitizenOrPermanentResident: true,
    });
    expect(consul.body.immunityLevel).toBe('official-acts');
    const verified = await api(
      platform.baseUrl,
      'GET',
      `/api/v1/verify?${new URLSearchParams({ idCard: consul.body.idCard.number })}`,
      { token: trooper },
    );
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'valid',
      category: 'consular-officer',
      immunityLevel: 'official-acts',
      guidance: {
        arrest:
          'May be arrested or detained: immunity for official acts only, no personal inviolability (VCCR Art. 71(1))',
        residenceInviolable: 'Residence is not inviolable: it may be entered under ordinary procedures',
        prosecution: 'May not be prosecuted for official acts; may be prosecuted in all other cases',
      },
    });
  });
});
