import {
  api,
  embassyOfFrance,
  embassyOfGermany,
  firstSecretary,
  isoDate,
  startPlatform,
  waitFor,
  type RunningPlatform,
} from '@ofm/testing';

// Time in the U.S. and the recertification of staff lists through the gateway: an A&T member who
// arrived 6 years ago is past the default 5-year limit (GET /tenure, yearsInPost on the member, the
// long-tenure flag the sweep raises, run every 2 s here); the mission's own user confirms its staff
// list (POST /missions/{id}/recertification), which GET /missions/{id} then shows.
describe('tenure and recertification through the gateway', () => {
  let platform: RunningPlatform;
  let officer: string;
  let clerk: string;
  let missionId: string;
  let longId: string;
  let recentId: string;

  beforeAll(async () => {
    platform = await startPlatform('tenure', { env: { TENURE_SWEEP_INTERVAL_MS: '2000' } });
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    const mission = await call('POST', '/api/v1/missions', embassyOfFrance);
    expect(mission.status).toBe(201);
    missionId = mission.body.id;
    clerk = await platform.issuer.token({ sub: 'clerk-fr', roles: ['mission-user'], mission_id: missionId });
    const staff = async (arrivalDate: string, givenName: string) => {
      const notified = await call('POST', '/api/v1/members', {
        ...firstSecretary(missionId, arrivalDate),
        givenName,
        category: 'administrative-technical',
        title: 'Attaché',
        visaClass: 'A-2',
        passportType: 'official',
      });
      expect(notified.status).toBe(201);
      const accredited = await call('POST', `/api/v1/members/${notified.body.id}/accreditation`, {
        decision: 'accredit',
      });
      expect(accredited.status).toBe(200);
      return notified.body.id as string;
    };
    longId = await staff(isoDate(-6 * 366), 'Marc');
    recentId = await staff(isoDate(-10), 'Anne');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function call(method: string, path: string, body?: unknown, token = officer) {
    return api(platform.baseUrl, method, path, { token, body });
  }

  it('shows an A&T member 6 years in post as past the limit, per member and per mission', async () => {
    const tenure = await call('GET', `/api/v1/tenure?missionId=${missionId}`);
    expect(tenure.status).toBe(200);
    expect(tenure.body.missions).toEqual([
      { missionId, memberCount: 2, meanYearsInPost: 3, maxYearsInPost: 6, pastLimitCount: 1 },
    ]);
    expect(tenure.body.members).toMatchObject([
      { memberId: longId, category: 'administrative-technical', yearsInPost: 6, limitYears: 5, pastLimit: true },
      { memberId: recentId, yearsInPost: 0, limitYears: 5, pastLimit: false },
    ]);
    const past = await call('GET', `/api/v1/tenure?missionId=${missionId}&pastLimitOnly=true`, undefined, clerk);
    expect(past.status).toBe(200);
    expect(past.body.members.map((m: { memberId: string }) => m.memberId)).toEqual([longId]);
    expect((await call('GET', `/api/v1/members/${longId}`)).body.yearsInPost).toBe(6);
  });

  it('raises one long-tenure flag for that member (the sweep), none for the recent one', async () => {
    const flags = await waitFor(
      async () => {
        const answer = await call('GET', `/api/v1/flags?memberId=${longId}`);
        const tenure = answer.body.items?.filter((f: { code: string }) => f.code === 'long-tenure') ?? [];
        return tenure.length > 0 ? tenure : undefined;
      },
      { timeoutMs: 30_000, what: 'a long-tenure flag' },
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'long-tenure', program: 'accreditation', missionId });
    const recent = await call('GET', `/api/v1/flags?memberId=${recentId}`);
    expect(recent.body.items.filter((f: { code: string }) => f.code === 'long-tenure')).toEqual([]);
  });

  it('lets the mission user confirm its own staff list, which the mission then shows', async () => {
    const before = (await call('GET', `/api/v1/missions/${missionId}`)).body;
    expect(before.recertification).toMatchObject({ lastConfirmedOn: null, dueOn: isoDate(365) });

    const confirmed = await call(
      'POST',
      `/api/v1/missions/${missionId}/recertification`,
      { confirmedMemberCount: 2 },
      clerk,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recertification).toEqual({
      lastConfirmedOn: isoDate(0),
      lastConfirmedBy: 'clerk-fr',
      dueOn: isoDate(365),
    });
    expect(confirmed.headers.get('etag')).toBe(`"${before.version + 1}"`);
    const after = (await call('GET', `/api/v1/missions/${missionId}`, undefined, clerk)).body;
    expect(after.recertification).toEqual(confirmed.body.recertification);
  });

  it("answers 422 naming an id that is not the mission's member, and 404 for another mission", async () => {
    const stranger = '0b5c6a7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d';
    const refused = await call(
      'POST',
      `/api/v1/missions/${missionId}/recertification`,
      { confirmedMemberCount: 1, departedMemberIds: [recentId, stranger] },
      clerk,
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ rule: 'recertification-departed-members' });
    expect(refused.body.detail).toBe(`Not serving members of the mission: ${stranger}`);

    const other = (await call('POST', '/api/v1/missions', embassyOfGermany)).body.id;
    const elsewhere = await call(
      'POST',
      `/api/v1/missions/${other}/recertification`,
      { confirmedMemberCount: 0 },
      clerk,
    );
    expect(elsewhere.status).toBe(404);
    const figures = await call('GET', `/api/v1/tenure?missionId=${other}`, undefined, clerk);
    expect(figures.status).toBe(404);
  });
});
