import {
  api,
  createTestIssuer,
  type RunningPlatform,
  startPlatform,
  embassyOfFrance,
  embassyOfGermany,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

// Who may call what (CONTRACT.md): 401 without or with a bad token, 403 for a role that may not,
// 404 for what a mission user may not see.
describe('authentication and authorisation at the gateway', () => {
  let platform: RunningPlatform;
  let germanMemberId: string;
  let frenchMissionId: string;

  beforeAll(async () => {
    platform = await startPlatform('auth');
    const officer = await platform.issuer.token({ roles: ['ofm-officer'] });
    const france = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const germany = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfGermany });
    frenchMissionId = france.body.id;
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: { ...firstSecretary(germany.body.id, isoDate(-3)), nationality: 'DE' },
    });
    expect(member.status).toBe(201);
    germanMemberId = member.body.id;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const expectProblem = (answer: { status: number; headers: Headers; body: any }, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
  };

  it('answers 401 without a token', async () => {
    expectProblem(await api(platform.baseUrl, 'GET', '/api/v1/missions'), 401);
  });

  it('answers 401 for an expired token', async () => {
    const expired = await platform.issuer.token(
      { roles: ['ofm-officer'] },
      { expiresIn: Math.floor(Date.now() / 1000) - 60 },
    );
    expectProblem(await api(platform.baseUrl, 'GET', '/api/v1/missions', { token: expired }), 401);
  });

  it('answers 401 for a token from another issuer, even one signed with a trusted key', async () => {
    const foreign = await platform.issuer.token({ roles: ['ofm-officer'] }, { issuer: 'https://evil.example' });
    expectProblem(await api(platform.baseUrl, 'GET', '/api/v1/missions', { token: foreign }), 401);
  });

  it('answers 401 for a token signed with a key the gateway does not trust', async () => {
    const stranger = await createTestIssuer();
    const token = await stranger.token({ roles: ['ofm-admin'] });
    expectProblem(await api(platform.baseUrl, 'GET', '/api/v1/missions', { token }), 401);
  });

  it('answers 403 for a role that may not register missions', async () => {
    const trooper = await platform.issuer.token({ roles: ['law-enforcement'] });
    expectProblem(
      await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: trooper, body: embassyOfFrance }),
      403,
    );
  });

  it('answers 404 to a mission user reading another mission’s member', async () => {
    const clerk = await platform.issuer.token({ roles: ['mission-user'], mission_id: frenchMissionId });
    expectProblem(await api(platform.baseUrl, 'GET', `/api/v1/members/${germanMemberId}`, { token: clerk }), 404);
  });

  it('lets the member’s own mission user read it', async () => {
    const officer = await platform.issuer.token({ roles: ['ofm-officer'] });
    const member = await api(platform.baseUrl, 'GET', `/api/v1/members/${germanMemberId}`, { token: officer });
    const clerk = await platform.issuer.token({ roles: ['mission-user'], mission_id: member.body.missionId });
    const own = await api(platform.baseUrl, 'GET', `/api/v1/members/${germanMemberId}`, { token: clerk });
    expect(own.status).toBe(200);
    expect(own.body.id).toBe(germanMemberId);
  });

  it('rejects an unknown field with 400 naming it', async () => {
    const officer = await platform.issuer.token({ roles: ['ofm-officer'] });
    const answer = await api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token: officer,
      body: { ...embassyOfFrance, ambassadorFavouriteColour: 'blue' },
    });
    expectProblem(answer, 400);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'ambassadorFavouriteColour' })]),
    );
  });
});
