import { api, type RunningPlatform, startPlatform, embassyOfFrance, firstSecretary, isoDate } from '@ofm/testing';

// The rest of a member's life through the gateway (docs/domain/member-lifecycle.md), as the mission
// and OFM drive it: a change of title (If-Match), a promotion from A&T to diplomatic agent (the old
// appointment terminated, the new one notified for the same pid), and a lost ID card that verifies
// reported-lost while its replacement verifies valid.
describe("a member's life through the gateway", () => {
  let platform: RunningPlatform;
  let officer: string;
  let clerk: string;
  let trooper: string;
  let missionId: string;

  beforeAll(async () => {
    platform = await startPlatform('lifecycle');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    trooper = await platform.issuer.token({ sub: 'trooper-7', roles: ['law-enforcement'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    missionId = mission.body.id;
    clerk = await platform.issuer.token({ sub: 'clerk-fr', roles: ['mission-user'], mission_id: missionId });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const post = (path: string, token: string, body: object, headers: Record<string, string> = {}) =>
    api(platform.baseUrl, 'POST', path, { token, body, headers });
  const accredited = async (over: Record<string, unknown> = {}) => {
    const member = await post('/api/v1/members', clerk, { ...firstSecretary(missionId, isoDate(-5)), ...over });
    expect(member.status).toBe(201);
    const decided = await post(`/api/v1/members/${member.body.id}/accreditation`, officer, { decision: 'accredit' });
    expect(decided.status).toBe(200);
    return decided;
  };

  it('takes a change of title under If-Match, and refuses a stale one with 409', async () => {
    const member = await accredited();
    const path = `/api/v1/members/${member.body.id}/changes`;
    const changed = await post(path, clerk, { title: 'Counselor' }, { 'if-match': member.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Counselor', version: member.body.version + 1 });
    expect(changed.headers.get('etag')).toBe(`"${member.body.version + 1}"`);

    const stale = await post(path, clerk, { title: 'Minister' }, { 'if-match': member.headers.get('etag')! });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');

    const notDiplomatic = await post(path, clerk, { title: 'Chauffeur' });
    expect(notDiplomatic.status).toBe(422);
    expect(notDiplomatic.body.errors).toEqual([expect.objectContaining({ field: 'title' })]);
  });

  it('promotes an A&T attaché to diplomatic agent: the old appointment terminated, the new notified, same pid', async () => {
    const at = await accredited({
      category: 'administrative-technical',
      title: 'Attaché',
      visaClass: 'A-2',
      passportType: 'official',
    });
    expect(at.body).toMatchObject({ immunityLevel: 'full-criminal', idCard: { color: 'green' } });
    const startsOn = isoDate(3);
    const promoted = await post(`/api/v1/members/${at.body.id}/promotion`, clerk, {
      category: 'diplomatic-agent',
      title: 'Third Secretary',
      startsOn,
      visaClass: 'A-1',
      passportType: 'diplomatic',
    });
    expect(promoted.status).toBe(201);
    expect(promoted.headers.get('location')).toBe(`/api/v1/members/${promoted.body.id}`);
    expect(promoted.body).toMatchObject({
      status: 'notified',
      pid: at.body.pid,
      previousAppointmentId: at.body.id,
      category: 'diplomatic-agent',
    });
    expect(promoted.body.id).not.toBe(at.body.id);

    const old = await api(platform.baseUrl, 'GET', `/api/v1/members/${at.body.id}`, { token: officer });
    expect(old.body).toMatchObject({ status: 'terminated', terminationReason: 'promotion', immunityEndsOn: startsOn });

    const decided = await post(`/api/v1/members/${promoted.body.id}/accreditation`, officer, { decision: 'accredit' });
    expect(decided.body).toMatchObject({ status: 'accredited', immunityLevel: 'full', idCard: { color: 'blue' } });
  });

  it('a lost card verifies reported-lost, its replacement valid', async () => {
    const member = await accredited();
    const lostNumber = member.body.idCard.number;
    const reported = await post(`/api/v1/members/${member.body.id}/id-card/loss`, clerk, {
      kind: 'lost',
      reportedOn: isoDate(0),
    });
    expect(reported.status).toBe(200);
    const replacement = reported.body.idCard.number;
    expect(replacement).not.toBe(lostNumber);

    const verify = (idCard: string) =>
      api(platform.baseUrl, 'GET', `/api/v1/verify?${new URLSearchParams({ idCard })}`, { token: trooper });
    const lost = await verify(lostNumber);
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: 'reported-lost', name: 'Claire Dubois' });
    expect((await verify(replacement)).body).toMatchObject({ status: 'valid', immunityLevel: 'full' });

    const badKind = await post(`/api/v1/members/${member.body.id}/id-card/loss`, clerk, {
      kind: 'misplaced',
      reportedOn: isoDate(0),
    });
    // A word outside the vocabulary is bad input (400), named, before any service is called.
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
  });
});
