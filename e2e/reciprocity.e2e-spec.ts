import { api, isoDate, startPlatform, type RunningPlatform } from '@ofm/testing';

// Country reciprocity profiles through the gateway: every country starts with the documented default
// (version 1); an OFM admin records a new version with If-Match; the history keeps both; the
// measures count the version in force on the day asked, so a day before the change is as it was.
describe('reciprocity profiles through the gateway', () => {
  let platform: RunningPlatform;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    platform = await startPlatform('reciprocity');
    admin = await platform.issuer.token({ roles: ['ofm-admin'] });
    officer = await platform.issuer.token({ roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const call = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    api(platform.baseUrl, method, path, { token, body, headers });
  const expectProblem = (answer: { status: number; headers: Headers }, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  };

  it("answers a country's default profile, version 1, to a mission user, and not to law enforcement", async () => {
    const clerk = await platform.issuer.token({
      roles: ['mission-user'],
      mission_id: '3f1c1f2e-8d9b-4c1a-9a57-0c2f4f6b7a10',
    });
    const answer = await call('GET', '/api/v1/countries/NO/reciprocity', clerk);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body).toMatchObject({
      country: 'NO',
      version: 1,
      effectiveFrom: '1961-04-18',
      recordedBy: 'default',
      sameSexSpouseAccreditation: 'denied',
      travelControls: 'none',
      agreementId: null,
    });
    const police = await platform.issuer.token({ roles: ['law-enforcement'] });
    expectProblem(await call('GET', '/api/v1/countries/NO/reciprocity', police), 403);
  });

  it('records a new version for an admin with If-Match; refuses an officer (403), no If-Match (428), a stale one (409)', async () => {
    const before = (await call('GET', `/api/v1/reciprocity/measures?asOf=${isoDate(-1)}`, officer)).body;
    const current = (await call('GET', '/api/v1/countries/NO/reciprocity', admin)).body;
    // The profile as GET answered it, read-only fields included, with the change.
    const body = {
      ...current,
      sameSexSpouseAccreditation: 'granted',
      effectiveFrom: isoDate(0),
      source: 'cable 26 OSLO 7',
    };

    expectProblem(await call('PUT', '/api/v1/countries/NO/reciprocity', officer, body, { 'if-match': '"1"' }), 403);
    const bare = await call('PUT', '/api/v1/countries/NO/reciprocity', admin, body);
    expectProblem(bare, 428);
    expect(bare.body.detail).toContain('If-Match');
    const other = await call('PUT', '/api/v1/countries/SE/reciprocity', admin, body, { 'if-match': '"1"' });
    // The body and the path must name one country: a rule the schema cannot state (422, named).
    expectProblem(other, 422);
    expect(other.body.rule).toBe('profile-country');
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'country' })]);

    const put = await call('PUT', '/api/v1/countries/NO/reciprocity', admin, body, { 'if-match': '"1"' });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"2"');
    expect(put.body).toMatchObject({ country: 'NO', version: 2, sameSexSpouseAccreditation: 'granted' });
    expectProblem(await call('PUT', '/api/v1/countries/NO/reciprocity', admin, body, { 'if-match': '"1"' }), 409);

    const history = await call('GET', '/api/v1/countries/NO/reciprocity/history', officer);
    expect(history.status).toBe(200);
    expect(history.body.profiles.map((p: { version: number }) => p.version)).toEqual([2, 1]);

    const now = (await call('GET', '/api/v1/reciprocity/measures', officer)).body;
    expect(now.sameSexSpouseAccreditationGranted).toBe(before.sameSexSpouseAccreditationGranted + 1);
    const again = (await call('GET', `/api/v1/reciprocity/measures?asOf=${isoDate(-1)}`, officer)).body;
    expect(again).toEqual(before);
  });

  it('brings a profile version with an agreement entering into force', async () => {
    const recorded = await call('POST', '/api/v1/countries/CL/agreements', admin, {
      subject: 'consular-immunity',
      summary: 'Consular staff with the immunity of diplomatic agents',
    });
    expect(recorded.status).toBe(201);
    const id = recorded.body.id as string;
    expect(recorded.headers.get('location')).toBe(`/api/v1/agreements/${id}`);
    const move = (status: string, version: number, extra: object = {}) =>
      call('POST', `/api/v1/agreements/${id}/status`, admin, { status, ...extra }, { 'if-match': `"${version}"` });
    expect((await move('negotiating', 1)).status).toBe(200);
    expect((await move('signed', 2)).status).toBe(200);
    const profile = (await call('GET', '/api/v1/countries/CL/reciprocity', admin)).body;
    const inForce = await move('in-force', 3, {
      profile: { ...profile, consularBilateralAgreement: true, source: 'agreement CL-US' },
    });
    expect(inForce.status).toBe(200);
    expect(inForce.body).toMatchObject({ status: 'in-force', profileVersion: 2, inForceOn: isoDate(0) });
    const now = (await call('GET', '/api/v1/countries/CL/reciprocity', officer)).body;
    expect(now).toMatchObject({ version: 2, agreementId: id, consularBilateralAgreement: true });
    const listed = await call('GET', '/api/v1/countries/CL/agreements?status=in-force', officer);
    expect(listed.body.agreements.map((a: { id: string }) => a.id)).toEqual([id]);
  });
});
