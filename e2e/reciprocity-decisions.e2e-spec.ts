import {
  api,
  firstSecretary,
  isoDate,
  startPlatform,
  waitFor,
  type ApiAnswer,
  type RunningPlatform,
} from '@ofm/testing';

// Issue 8's scenarios that turn on a country's reciprocity profile, end to end: the profile is
// changed through the gateway by an OFM admin (reciprocity service), reaches accreditation as a
// profile.updated event (its replica), and decides the next notification, a consul's immunity and
// a member's travel. Every decision names the profile version it used.
describe('reciprocity decides accreditation and travel', () => {
  let platform: RunningPlatform;
  let officer: string;
  let admin: string;
  let trooper: string;

  const as = (token: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    api(platform.baseUrl, method, path, { token, body, headers });
  const created = async (path: string, body: unknown): Promise<ApiAnswer> => {
    const answer = await as(officer, 'POST', path, body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
    return answer;
  };
  const accredit = (memberId: string) =>
    as(officer, 'POST', `/api/v1/members/${memberId}/accreditation`, { decision: 'accredit' });

  /** Changes one country's profile as an admin, and waits until accreditation decides with the new version. */
  const changeProfile = async (country: string, change: object): Promise<number> => {
    const current = await as(admin, 'GET', `/api/v1/countries/${country}/reciprocity`);
    expect(current.status).toBe(200);
    const put = await as(
      admin,
      'PUT',
      `/api/v1/countries/${country}/reciprocity`,
      { ...current.body, effectiveFrom: isoDate(0), source: `e2e note on ${country}`, ...change },
      { 'if-match': current.headers.get('etag')! },
    );
    expect({ status: put.status, body: put.body }).toMatchObject({ status: 200 });
    return put.body.version;
  };

  beforeAll(async () => {
    platform = await startPlatform('reciprocity-decisions');
    officer = await platform.issuer.token({ sub: 'officer-r', roles: ['ofm-officer'] });
    admin = await platform.issuer.token({ sub: 'admin-r', roles: ['ofm-admin'] });
    trooper = await platform.issuer.token({ sub: 'trooper-r', roles: ['law-enforcement'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses a same-sex spouse, and accredits the next notification once the profile grants it, naming each version', async () => {
    const embassy = await created('/api/v1/missions', {
      name: 'Royal Danish Embassy',
      country: 'DK',
      type: 'embassy',
      address: { line1: '3200 Whitehaven Street NW', city: 'Washington', state: 'DC', postalCode: '20008' },
      location: { lat: 38.9197, lon: -77.0634 },
    });
    const principal = await created('/api/v1/members', {
      ...firstSecretary(embassy.body.id, isoDate(-10)),
      nationality: 'DK',
      givenName: 'Mette',
      familyName: 'Holm',
    });
    expect((await accredit(principal.body.id)).status).toBe(200);
    const spouse = (givenName: string) =>
      created('/api/v1/members', {
        missionId: embassy.body.id,
        principalId: principal.body.id,
        relationship: 'spouse',
        sameSexSpouse: true,
        category: 'dependent',
        givenName,
        familyName: 'Holm',
        dateOfBirth: '1986-05-01',
        nationality: 'DK',
        visaClass: 'A-1',
        passportType: 'diplomatic',
        arrivalDate: isoDate(-10),
      });

    const first = await spouse('Karen');
    const refused = await accredit(first.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'same-sex-spouse-reciprocity',
        message: 'DK does not accredit the same-sex spouses of U.S. staff (profile DK v1)',
      },
    ]);

    const version = await changeProfile('DK', { sameSexSpouseAccreditation: 'granted' });
    expect(version).toBe(2);
    const next = await spouse('Lone');
    const accredited = await waitFor(
      async () => {
        const answer = await accredit(next.body.id);
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'the spouse accredited under DK v2' },
    );
    expect(accredited.body).toMatchObject({
      status: 'accredited',
      sameSexSpouse: true,
      reciprocityProfileVersion: 2,
      immunityLevel: 'full',
    });
  });

  it('gives a consular officer of a country with a bilateral agreement full immunity at the roadside', async () => {
    await changeProfile('CN', { consularBilateralAgreement: true });
    const consulate = await created('/api/v1/missions', {
      name: 'Consulate General of the People’s Republic of China in New York',
      country: 'CN',
      type: 'consular-post',
      consularClass: 'consulate-general',
      address: { line1: '520 12th Avenue', city: 'New York', state: 'NY', postalCode: '10036' },
      location: { lat: 40.7614, lon: -74.0014 },
    });
    const consul = await created('/api/v1/members', {
      ...firstSecretary(consulate.body.id, isoDate(-5)),
      nationality: 'CN',
      category: 'consular-officer',
      title: 'Consul General',
      givenName: 'Wei',
      familyName: 'Zhang',
    });
    expect((await accredit(consul.body.id)).status).toBe(200);
    // Decided under v2 — or, if the version reached accreditation a moment after the decision,
    // re-decided when it arrived: either way the consul ends with full immunity under CN v2.
    const accredited = await waitFor(
      async () => {
        const answer = await as(officer, 'GET', `/api/v1/members/${consul.body.id}`);
        return answer.body.reciprocityProfileVersion === 2 ? answer : undefined;
      },
      { what: 'the consul decided under CN v2' },
    );
    expect(accredited.body).toMatchObject({ immunityLevel: 'full', idCard: { color: 'red' } });

    const checked = await as(trooper, 'GET', `/api/v1/verify?idCard=${accredited.body.idCard.number}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      status: 'valid',
      category: 'consular-officer',
      immunityLevel: 'full',
      guidance: { arrest: 'May not be arrested or detained' },
    });
    // The trooper may verify, but not browse the people of missions.
    expect((await as(trooper, 'GET', '/api/v1/members')).status).toBe(403);
  });

  it('flags a travel notice 30 miles out given with too little lead time', async () => {
    await changeProfile('RU', { travelControls: 'notify', travelRadiusMiles: 25, travelLeadTimeHours: 48 });
    const embassy = await created('/api/v1/missions', {
      name: 'Embassy of the Russian Federation',
      country: 'RU',
      type: 'embassy',
      address: { line1: '2650 Wisconsin Avenue NW', city: 'Washington', state: 'DC', postalCode: '20007' },
      location: { lat: 38.9237, lon: -77.0734 },
    });
    const member = await created('/api/v1/members', {
      ...firstSecretary(embassy.body.id, isoDate(-30)),
      nationality: 'RU',
      givenName: 'Anna',
      familyName: 'Volkova',
    });
    expect((await accredit(member.body.id)).status).toBe(200);
    const clerk = await platform.issuer.token({
      sub: 'clerk-ru',
      roles: ['mission-user'],
      mission_id: embassy.body.id,
    });

    // 30 miles due north of the White House (38.8977, -77.0365): a degree of latitude is 69.05 miles.
    const departsAt = new Date(Date.now() + 2 * 3600_000).toISOString();
    const returnsAt = new Date(Date.now() + 30 * 3600_000).toISOString();
    const notice = await waitFor(
      async () => {
        const answer = await as(clerk, 'POST', '/api/v1/travel-notifications', {
          memberId: member.body.id,
          destination: { name: 'Westminster, Maryland', lat: 38.8977 + 30 / 69.05, lon: -77.0365 },
          departsAt,
          returnsAt,
          purpose: 'personal',
        });
        expect(answer.status).toBe(201);
        return answer.body.travelControls === 'notify' ? answer : undefined;
      },
      { what: 'a notice decided under RU v2' },
    );
    expect(notice.body).toMatchObject({
      status: 'noted',
      noticeRequired: true,
      approvalRequired: false,
      leadTimeMet: false,
      profileCountry: 'RU',
      profileVersion: 2,
      flagCodes: ['travel-notice-late'],
    });
    expect(notice.body.distanceMiles).toBeCloseTo(30, 0);

    const flags = await waitFor(
      async () => {
        const answer = await as(officer, 'GET', `/api/v1/flags?memberId=${member.body.id}`);
        return answer.status === 200 && answer.body.items?.length ? answer : undefined;
      },
      { what: 'the travel-notice-late flag in the register' },
    );
    expect(flags.body.items).toEqual([
      expect.objectContaining({ code: 'travel-notice-late', status: 'open', memberId: member.body.id }),
    ]);
  });
});
