import { api, type RunningPlatform, startPlatform, embassyOfFrance, firstSecretary, isoDate } from '@ofm/testing';

// Issue 8: titles were matched against eight words, so an embassy's Defense Attaché was refused.
// Through the gateway, as an officer drives it: the attaché is accredited, a cook is refused by name.
describe('diplomatic titles', () => {
  let platform: RunningPlatform;
  let officer: string;
  let missionId: string;

  beforeAll(async () => {
    platform = await startPlatform('titles');
    officer = await platform.issuer.token({ sub: 'officer-titles', roles: ['ofm-officer'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    missionId = mission.body.id;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const notifyAndAccredit = async (title: string, givenName: string) => {
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: { ...firstSecretary(missionId, isoDate(-3)), givenName, title },
    });
    expect(member.status).toBe(201);
    return api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
  };

  it('accredits a Defense Attaché with full immunity and a blue card', async () => {
    const accredited = await notifyAndAccredit('Defense Attaché', 'Jean');
    expect(accredited.status).toBe(200);
    expect(accredited.body).toMatchObject({ status: 'accredited', title: 'Defense Attaché', immunityLevel: 'full' });
    expect(accredited.body.idCard).toMatchObject({ color: 'blue' });
  });

  it("accredits a Chargé d'Affaires a.i. written without accents", async () => {
    const accredited = await notifyAndAccredit("Charge d'Affaires a.i.", 'Luc');
    expect(accredited.status).toBe(200);
    expect(accredited.body).toMatchObject({ status: 'accredited', immunityLevel: 'full' });
  });

  it('refuses a Chief Cook as a diplomatic agent, naming the title', async () => {
    const refused = await notifyAndAccredit('Chief Cook', 'Marc');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ rule: 'accreditation-criteria' });
    expect(refused.body.errors).toEqual([
      { field: 'recognized-title', message: expect.stringMatching(/^«Chief Cook» is not a diplomatic title: /) },
    ]);
  });
});
