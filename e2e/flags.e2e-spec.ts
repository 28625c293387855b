import {
  api,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
  startPlatform,
  waitFor,
  type RunningPlatform,
} from '@ofm/testing';

// One register of compliance flags across programs, through the gateway: accreditation flags a late
// notification, vehicles flags the vehicle of a terminated owner, and insights files both, by member.
describe('GET /api/v1/flags: compliance flags of every program', () => {
  let platform: RunningPlatform;
  let officer: string;

  beforeAll(async () => {
    platform = await startPlatform('flags');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const flagsOf = async (query: string, token = officer) =>
    api(platform.baseUrl, 'GET', `/api/v1/flags?${query}`, { token });
  const flagged = (query: string, code: string) =>
    waitFor(
      async () => {
        const answer = await flagsOf(query);
        return answer.status === 200 && answer.body.items.some((f: { code: string }) => f.code === code)
          ? answer.body.items
          : undefined;
      },
      { timeoutMs: 30_000, what: `a ${code} flag for ${query}` },
    );

  it('flags a late notification and the disposal of its member’s vehicle, for their mission only', async () => {
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const other = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect([mission.status, other.status]).toEqual([201, 201]);
    // Arrived 40 days ago: the notification is 10 days past its 30-day deadline.
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-40)),
    });
    expect(member.status).toBe(201);
    const memberId = member.body.id as string;

    const late = (await flagged(`memberId=${memberId}`, 'late-notification')).find(
      (f: { code: string }) => f.code === 'late-notification',
    );
    expect(late).toMatchObject({
      code: 'late-notification',
      program: 'accreditation',
      severity: 'medium',
      visibility: 'internal',
      missionId: mission.body.id,
      memberId,
      status: 'open',
      subjectType: 'member',
      subjectId: memberId,
      raisedBy: 'accreditation',
    });
    expect(new Date(late.raisedAt).toString()).not.toBe('Invalid Date');

    // The mission's own user sees it; another mission's user sees none of it; police may not ask.
    const ownUser = await platform.issuer.token({ sub: 'mu-1', roles: ['mission-user'], mission_id: mission.body.id });
    const otherUser = await platform.issuer.token({ sub: 'mu-2', roles: ['mission-user'], mission_id: other.body.id });
    const police = await platform.issuer.token({ sub: 'police-1', roles: ['law-enforcement'] });
    expect((await flagsOf(`memberId=${memberId}`, ownUser)).body.items.map((f: { id: string }) => f.id)).toEqual([
      late.id,
    ]);
    const foreign = await flagsOf(`memberId=${memberId}`, otherUser);
    expect(foreign.status).toBe(200);
    expect(foreign.body.items).toEqual([]);
    expect((await flagsOf(`missionId=${mission.body.id}`, otherUser)).status).toBe(403);
    expect((await flagsOf('', police)).status).toBe(403);

    // Accredited, a car registered and insured, then the appointment ended 31 days ago: the car is
    // disposal-due and already past its 30 days to be disposed of, so flagged.
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(memberId),
          headers: { 'idempotency-key': `flag-vehicle-of-${memberId}` },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle registration to be accepted' },
    );
    const insured = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${vehicle.body.id}/insurance`, {
      token: officer,
      body: carInsurance(),
    });
    expect(insured.status).toBe(201);
    const terminated = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/termination`, {
      token: officer,
      body: { effectiveDate: isoDate(-31), reason: 'end of assignment' },
    });
    expect(terminated.status).toBe(200);

    const both = await flagged(`memberId=${memberId}`, 'disposal-due');
    expect(both.find((f: { code: string }) => f.code === 'disposal-due')).toMatchObject({
      program: 'vehicles',
      missionId: mission.body.id,
      memberId,
      status: 'open',
      subjectType: 'vehicle',
      subjectId: vehicle.body.id,
      raisedBy: 'vehicles',
    });
    expect(both.map((f: { code: string }) => f.code).sort()).toEqual(['disposal-due', 'late-notification']);
    expect((await flagsOf(`memberId=${memberId}&program=vehicles`)).body.items).toHaveLength(1);
    expect((await flagsOf(`memberId=${memberId}&status=cleared`)).body.items).toEqual([]);
  });

  it('refuses a filter it does not know (400), naming it', async () => {
    const answer = await flagsOf('program=parking&status=closed');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['program', 'status']);
  });
});
