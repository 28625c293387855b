import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { ClientError, Status } from 'nice-grpc';
import { callOf, startTestGateway, TEST_AUDIENCE, TEST_ISSUER, type TestGateway } from '../gateway.spec-helper';

const MISSION_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const OTHER_MISSION = '9c3a1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b';

// Authentication and role decisions through the real app: real ES256 tokens signed in the test,
// verified by the gateway's jose verifier.
describe('HttpAuthGuard', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    jest.clearAllMocks();
    gw.downstream.missions.listMissions.mockResolvedValue({ missions: [], nextCursor: '' });
  });

  const list = (authorization?: string) =>
    gw.request('GET', '/api/v1/missions', authorization === undefined ? {} : { headers: { authorization } });

  const expectUnauthenticated = (
    res: { status: number; headers: Record<string, unknown>; body: any },
    detail: RegExp,
  ) => {
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="ofm"');
    expect(res.body).toMatchObject({
      type: 'https://ofm.state.gov/problems/unauthenticated',
      status: 401,
      detail: expect.stringMatching(detail),
    });
    expect(gw.downstream.missions.listMissions).not.toHaveBeenCalled();
  };

  it('lets a valid token through and forwards the caller (sub, roles, mission_id) to the service', async () => {
    const token = await gw.keys.sign({ sub: 'officer-7', roles: ['ofm-officer', 'not-a-role'] });
    const res = await list(`Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(callOf(gw.downstream.missions.listMissions).actor).toEqual({ subject: 'officer-7', roles: ['ofm-officer'] });
  });

  it('accepts the scheme name in any case', async () => {
    const token = await gw.keys.sign({ sub: 'a', roles: ['auditor'] });
    expect((await list(`bearer ${token}`)).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    expectUnauthenticated(await list(), /bearer token is required/);
  });

  it('answers 401 for another scheme', async () => {
    expectUnauthenticated(await list('Basic YWxhZGRpbjpvcGVuc2VzYW1l'), /bearer token is required/);
  });

  it('answers 401 for an expired token', async () => {
    const token = await gw.keys.sign(
      { sub: 'a', roles: ['ofm-admin'] },
      { expiresIn: Math.floor(Date.now() / 1000) - 60 },
    );
    expectUnauthenticated(await list(`Bearer ${token}`), /expired/);
  });

  it('answers 401 for a token of another issuer', async () => {
    const token = await gw.keys.sign({ sub: 'a', roles: ['ofm-admin'] }, { issuer: 'https://evil.example' });
    expectUnauthenticated(await list(`Bearer ${token}`), /"iss" claim/);
  });

  it('answers 401 for a token for another audience', async () => {
    const token = await gw.keys.sign({ sub: 'a', roles: ['ofm-admin'] }, { audience: 'another-api' });
    expectUnauthenticated(await list(`Bearer ${token}`), /"aud" claim/);
  });

  it.each(['not-a-jwt', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA'])(
    'answers 401 for a malformed token (%s)',
    async (token) => {
      expectUnauthenticated(await list(`Bearer ${token}`), /not valid/);
    },
  );

  it('answers 401 for a token signed by an unknown key, even with the right claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ roles: ['ofm-admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject('a')
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expectUnauthenticated(await list(`Bearer ${token}`), /not valid/);
  });

  it('answers 401 for an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ roles: ['ofm-admin'] })
      .setSubject('a')
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('5m')
      .encode();
    expectUnauthenticated(await list(`Bearer ${token}`), /not valid/);
  });

  it('answers 401 for an HS256 token made with the public key as secret (algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(publicKey)));
    const token = await new SignJWT({ roles: ['ofm-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expectUnauthenticated(await list(`Bearer ${token}`), /not valid/);
  });

  it('answers 401 for a token without subject or expiry', async () => {
    const noSub = await gw.keys.sign({ roles: ['ofm-admin'] });
    expectUnauthenticated(await list(`Bearer ${noSub}`), /"sub" claim|subject/);
  });

  describe('roles', () => {
    it('answers 403 problem+json for a role the route does not allow', async () => {
      const token = await gw.keys.sign({ sub: 'cop', roles: ['law-enforcement'] });
      const res = await list(`Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://ofm.state.gov/problems/forbidden',
        detail: expect.stringContaining('ofm-admin'),
      });
    });

    it('answers 403 for a token with no known role', async () => {
      const token = await gw.keys.sign({ sub: 'x', roles: ['superuser'] });
      expect((await list(`Bearer ${token}`)).status).toBe(403);
    });

    it('answers 403 for a token whose roles claim is not an array', async () => {
      const token = await gw.keys.sign({ sub: 'x', roles: 'ofm-admin' });
      expect((await list(`Bearer ${token}`)).status).toBe(403);
    });

    it('answers 403 for a mission user without mission_id', async () => {
      const token = await gw.keys.sign({ sub: 'mu', roles: ['mission-user'] });
      const res = await list(`Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/mission_id/);
    });

    it('lets law enforcement verify but not register missions', async () => {
      const cop = await gw.keys.sign({ sub: 'cop', roles: ['law-enforcement'] });
      gw.downstream.members.verifyIdCard.mockRejectedValueOnce({ code: 5, details: 'not found' });
      const verify = await gw.request('GET', '/api/v1/verify?idCard=123', { token: cop });
      expect(verify.status).not.toBe(403);
      const register = await gw.request('POST', '/api/v1/missions', { token: cop, body: {} });
      expect(register.status).toBe(403);
    });

    it('lets an auditor read but not write', async () => {
      const auditor = await gw.keys.sign({ sub: 'aud', roles: ['auditor'] });
      expect((await list(`Bearer ${auditor}`)).status).toBe(200);
      expect((await gw.request('POST', '/api/v1/members', { token: auditor, body: {} })).status).toBe(403);
      expect((await gw.request('GET', '/api/v1/verify?plate=D1', { token: auditor })).status).toBe(403);
    });

    it('lets a mission user end an appointment (whose, the service decides)', async () => {
      const mu = await gw.keys.sign({ sub: 'mu', roles: ['mission-user'], mission_id: MISSION_ID });
      gw.downstream.members.terminateMember.mockResolvedValueOnce({
        member: { id: OTHER_MISSION, missionId: MISSION_ID, status: 'terminated', version: 3 },
      });
      const res = await gw.request('POST', `/api/v1/members/${OTHER_MISSION}/termination`, {
        token: mu,
        body: { effectiveDate: '2026-11-28', reason: 'end of assignment' },
      });
      expect(res.status).toBe(200);
      expect(callOf(gw.downstream.members.terminateMember).actor).toEqual({
        subject: 'mu',
        roles: ['mission-user'],
        missionId: MISSION_ID,
      });
    });

    it('forbids accreditation decisions to mission users', async () => {
      const mu = await gw.keys.sign({ sub: 'mu', roles: ['mission-user'], mission_id: MISSION_ID });
      const res = await gw.request('POST', `/api/v1/members/${MISSION_ID}/accreditation`, {
        token: mu,
        body: { decision: 'accredit' },
      });
      expect(res.status).toBe(403);
      expect(gw.downstream.members.accreditMember).not.toHaveBeenCalled();
    });
  });

  // Mission scope is decided by the services (they read the caller's mission from the metadata):
  // the gateway neither narrows nor checks, it forwards the mission and passes the service's answer on.
  describe('mission users', () => {
    let mu: string;
    const notFound = (what: string, id: string) =>
      new ClientError(
        '/ofm.accreditation.v1.MemberService/GetMember',
        Status.NOT_FOUND,
        JSON.stringify({
          type: 'https://ofm.state.gov/problems/not-found',
          title: 'Not found',
          status: 404,
          detail: `${what} ${id} was not found`,
        }),
      );
    const asMissionUser = { subject: 'mu', roles: ['mission-user'], missionId: MISSION_ID };

    beforeAll(async () => {
      mu = await gw.keys.sign({ sub: 'mu', roles: ['mission-user'], mission_id: MISSION_ID });
    });

    it("forwards the caller's mission with every call, and passes on the service's 404 for another mission", async () => {
      gw.downstream.missions.getMission.mockRejectedValueOnce(notFound('mission', OTHER_MISSION));
      const res = await gw.request('GET', `/api/v1/missions/${OTHER_MISSION}`, { token: mu });
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(`mission ${OTHER_MISSION} was not found`);
      expect(callOf(gw.downstream.missions.getMission)).toEqual({
        request: { id: OTHER_MISSION },
        actor: asMissionUser,
      });
    });

    it("sends list filters as asked: narrowing them is the service's", async () => {
      gw.downstream.members.listMembers.mockResolvedValueOnce({ members: [], nextCursor: '' });
      expect((await gw.request('GET', '/api/v1/members', { token: mu })).status).toBe(200);
      expect(callOf(gw.downstream.members.listMembers)).toEqual({
        request: { page: { limit: 0, cursor: '' } },
        actor: asMissionUser,
      });
      gw.downstream.vehicles.listVehicles.mockRejectedValueOnce(notFound('mission', OTHER_MISSION));
      expect((await gw.request('GET', `/api/v1/vehicles?missionId=${OTHER_MISSION}`, { token: mu })).status).toBe(404);
      expect(callOf(gw.downstream.vehicles.listVehicles).request).toEqual({
        page: { limit: 0, cursor: '' },
        missionId: OTHER_MISSION,
      });
    });

    it("may notify without missionId: the service takes the caller's own mission", async () => {
      const body = {
        givenName: 'A',
        familyName: 'B',
        dateOfBirth: '1980-01-01',
        nationality: 'FR',
        category: 'service-staff',
        arrivalDate: '2026-11-01',
      };
      gw.downstream.members.notifyAppointment.mockResolvedValueOnce({
        member: { id: OTHER_MISSION, missionId: MISSION_ID, status: 'notified', version: 1 },
      });
      const res = await gw.request('POST', '/api/v1/members', { token: mu, body });
      expect(res.status).toBe(201);
      expect(res.body.missionId).toBe(MISSION_ID);
      expect(callOf(gw.downstream.members.notifyAppointment)).toEqual({ request: body, actor: asMissionUser });
    });
  });
});
