import { api, embassyOfFrance, firstSecretary, isoDate, startPlatform, type RunningPlatform } from '@ofm/testing';

// OFM suspends, reactivates and closes a mission through the gateway (POST /missions/{id}/status,
// If-Match): a suspended mission may not notify appointments; closing ends its members' appointments,
// dependents with their principal; closed is final; a mission user may not change its own status.
describe("a mission's status through the gateway", () => {
  let platform: RunningPlatform;
  let officer: string;
  let missionId: string;
  let principalId: string;
  let spouseId: string;

  beforeAll(async () => {
    platform = await startPlatform('mission-status');
    officer = await platform.issuer.token({ roles: ['ofm-officer'] });
    missionId = (await call('POST', '/api/v1/missions', embassyOfFrance)).body.id;
    const principal = await call('POST', '/api/v1/members', firstSecretary(missionId, isoDate(-3)));
    expect(principal.status).toBe(201);
    principalId = principal.body.id;
    const spouse = await call('POST', '/api/v1/members', {
      ...firstSecretary(missionId, isoDate(-3)),
      givenName: 'Louis',
      category: 'dependent',
      title: undefined,
      principalId,
      relationship: 'spouse',
      weeklyHours: 0,
    });
    expect(spouse.status).toBe(201);
    spouseId = spouse.body.id;
    expect((await call('POST', `/api/v1/members/${principalId}/accreditation`, { decision: 'accredit' })).status).toBe(
      200,
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token = officer) {
    return api(platform.baseUrl, method, path, { token, body, headers });
  }
  const changeStatus = (status: string, ifMatch: string, token = officer) =>
    call(
      'POST',
      `/api/v1/missions/${missionId}/status`,
      { status, reason: `to ${status}` },
      { 'if-match': ifMatch },
      token,
    );

  const expectProblem = (answer: { status: number; headers: Headers; body: any }, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  };

  it('refuses a mission user, even for its own mission (403)', async () => {
    const clerk = await platform.issuer.token({ roles: ['mission-user'], mission_id: missionId });
    expectProblem(await changeStatus('closed', '"1"', clerk), 403);
  });

  it('suspends the mission, which then may not notify an appointment (422 mission-active)', async () => {
    const suspended = await changeStatus('suspended', '"1"');
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: missionId, status: 'suspended', version: 2 });
    expect(suspended.headers.get('etag')).toBe('"2"');

    const notified = await call('POST', '/api/v1/members', {
      ...firstSecretary(missionId, isoDate(0)),
      givenName: 'Paul',
    });
    expectProblem(notified, 422);
    expect(notified.body).toMatchObject({ rule: 'mission-active' });
    expect(notified.body.detail).toContain('suspended');
  });

  it('refuses a stale If-Match (409) and an unknown status word (400 naming status)', async () => {
    expectProblem(await changeStatus('active', '"1"'), 409);
    const word = await changeStatus('dissolved', '"2"');
    expectProblem(word, 400);
    expect(JSON.stringify(word.body)).toContain('status');
  });

  it('closes the mission: the accredited principal and the spouse are terminated', async () => {
    const closed = await changeStatus('closed', '"2"');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 3 });

    const principal = (await call('GET', `/api/v1/members/${principalId}`)).body;
    expect(principal).toMatchObject({
      status: 'terminated',
      terminationEffectiveDate: isoDate(0),
      terminationReason: 'Mission closed: to closed',
      openItems: [{ document: 'id-card', status: 'open' }],
    });
    const spouse = (await call('GET', `/api/v1/members/${spouseId}`)).body;
    expect(spouse).toMatchObject({ status: 'terminated', terminationReason: expect.stringContaining('Principal') });
    expect((await call('GET', `/api/v1/missions/${missionId}`)).body.status).toBe('closed');
  });

  it('keeps a closed mission closed (422 mission-status-transition)', async () => {
    const reopened = await changeStatus('active', '"3"');
    expectProblem(reopened, 422);
    expect(reopened.body).toMatchObject({
      rule: 'mission-status-transition',
      detail: 'A closed mission is closed for good: register it again',
    });
  });
});
