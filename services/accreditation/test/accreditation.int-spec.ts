import { status } from '@grpc/grpc-js';
import type { Actor } from '@ofm/platform';
import { waitFor } from '@ofm/testing';
import type { Client } from 'pg';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// The service as the gateway sees it: migrated fresh database, real Kafka, started in-process on
// free ports, called over real gRPC with actor metadata; its events read back by an independent
// kafkajs consumer.
// Waits on Kafka and the outbox relay: the project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const auditor: Actor = { subject: 'auditor-1', roles: ['auditor'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };

describe('accreditation service over gRPC', () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;
  let httpPort: number;
  let pg: Client;
  let eventFor: AccreditationUnderTest['eventFor'];

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('accreditation-test');
    ({ client, httpPort, pg, eventFor } = svc);
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const register = async (over: Record<string, unknown> = {}) =>
    (await client.call('MissionService', 'registerMission', mission(over), officer)).mission;
  const notify = async (request: object, actor: Actor = officer) =>
    (await client.call('MemberService', 'notifyAppointment', request, actor)).member;
  const accredit = async (id: string, expectedVersion = 0) =>
    (await client.call('MemberService', 'accreditMember', { id, decision: 'accredit', expectedVersion }, officer))
      .member;
  const getMember = async (id: string, actor: Actor = officer) =>
    (await client.call('MemberService', 'getMember', { id }, actor)).member;
  const auditActions = async (entityId: string) =>
    (await pg.query('SELECT action FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at', [entityId])).rows.map(
      (r) => r.action,
    );

  it('reports ready once its database and Kafka answer', async () => {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${httpPort}/health/ready`)).status === 200, {
      timeoutMs: 60_000,
      what: '/health/ready 200',
    });
    const metrics = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('exports the sizes of its outbox and inbox tables, measured at start and then every minute', async () => {
    const metrics = await waitFor(
      async () => {
        const text = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
        return text.includes('ofm_messaging_table_rows{table="inbox_event"}') ? text : undefined;
      },
      { what: 'the table-size gauges' },
    );
    expect(metrics).toMatch(/^ofm_messaging_table_rows\{table="outbox_event"\} \d+$/m);
    expect(metrics).toMatch(/^ofm_messaging_table_rows\{table="inbox_event"\} 0$/m);
    expect(metrics).toMatch(/^ofm_periodic_job_runs_total\{job="messaging\.table-rows",outcome="ran"\} [1-9]/m);
  });

  it('registers a mission, notifies, accredits (event on Kafka) and terminates a principal with its dependents', async () => {
    const m = await register();
    expect(m).toMatchObject({
      country: 'FR',
      type: 'embassy',
      status: 'active',
      regionalOffice: 'Washington',
      version: 1,
    });
    const missionUser: Actor = { subject: 'mission-user-fr', roles: ['mission-user'], missionId: m.id };

    const principal = await notify(diplomat(m.id), missionUser);
    expect(principal).toMatchObject({
      status: 'notified',
      missionCountry: 'FR',
      lateNotification: false,
      version: 1,
      notifiedOn: today,
    });
    expect(principal.pid).toMatch(/^\d{10}$/);

    const spouse = await notify(
      diplomat(m.id, {
        givenName: 'Louis',
        category: 'dependent',
        title: undefined,
        principalId: principal.id,
        relationship: 'spouse',
        weeklyHours: 0,
      }),
    );
    expect(spouse.pid).not.toBe(principal.pid);

    const accredited = await accredit(principal.id, 1);
    expect(accredited).toMatchObject({ status: 'accredited', immunityLevel: 'full', version: 2 });
    expect(accredited.idCard).toMatchObject({ color: 'blue' });
    expect(accredited.idCard.number).toMatch(/^D\d{9}$/);

    const event = await eventFor('gov.ofm.accreditation.member.accredited.v1', principal.id);
    expect(event.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_source: '/ofm/accreditation',
      ce_subject: principal.id,
      'content-type': 'application/json',
    });
    expect(event.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
    expect(new Date(event.headers.ce_time).getTime()).not.toBeNaN();
    expect(event.key).toBe(principal.id);
    expect(event.value.member).toMatchObject({
      id: principal.id,
      status: 'accredited',
      immunityLevel: 'full',
      idCard: { color: 'blue' },
    });

    const spouseAccredited = await accredit(spouse.id);
    expect(spouseAccredited).toMatchObject({ status: 'accredited', immunityLevel: 'full', idCard: { color: 'blue' } });

    // A police officer checks the principal's card, typed in lower case and in groups.
    const before = Date.now();
    const typed = accredited.idCard.number.toLowerCase().replace(/^(.)(\d{3})(\d{3})/, '$1 $2-$3 ');
    expect(typed).toMatch(/^d \d{3}-\d{3} \d{3}$/);
    const { verification: verified } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: typed },
      police,
    );
    expect(verified).toMatchObject({
      status: 'valid',
      name: 'Claire Martin',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: {
        arrest: 'May not be arrested or detained',
        residenceInviolable: 'Residence is inviolable: it may not be entered without consent',
        prosecution: 'May not be prosecuted',
        ticket: 'May be issued a traffic citation',
      },
    });
    expect(verified.immunityEndsOn).toBeUndefined();
    expect(Date.parse(verified.checkedAt)).toBeGreaterThanOrEqual(before - 1000);

    // The spouse's card: the level and guidance the spouse shares with the principal.
    const { verification: spouseVerified } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: spouseAccredited.idCard.number },
      police,
    );
    expect(spouseVerified).toMatchObject({
      status: 'valid',
      name: 'Louis Martin',
      mission: 'Embassy of France',
      category: 'dependent',
      immunityLevel: 'full',
      guidance: verified.guidance,
    });

    // The mission notifies the end of the appointment; the spouse's appointment ends with it.
    const terminated = (
      await client.call(
        'MemberService',
        'terminateMember',
        { id: principal.id, effectiveDate: today, reason: 'End of tour', expectedVersion: 2 },
        missionUser,
      )
    ).member;
    expect(terminated).toMatchObject({
      status: 'terminated',
      terminationReason: 'End of tour',
      terminationEffectiveDate: today,
      version: 3,
    });
    expect(terminated.immunityEndsOn > today).toBe(true);
    const spouseNow = await getMember(spouse.id);
    expect(spouseNow).toMatchObject({ status: 'terminated', immunityEndsOn: terminated.immunityEndsOn });
    // The ID card to give back is an open item of the member, in the termination answer and afterwards.
    const dueOn = terminated.openItems[0]?.dueOn;
    expect(terminated.openItems).toEqual([
      { document: 'id-card', reference: accredited.idCard.number, dueOn, status: 'open' },
    ]);
    expect(dueOn > today).toBe(true);
    expect(spouseNow.openItems).toEqual([
      { document: 'id-card', reference: spouseAccredited.idCard.number, dueOn, status: 'open' },
    ]);
    const listed = await client.call(
      'MemberService',
      'listMembers',
      { missionId: m.id, status: 'terminated', page: { limit: 10, cursor: '' } },
      officer,
    );
    expect(listed.members.map((x: { openItems: unknown[] }) => x.openItems.length)).toEqual([1, 1]);
    expect(spouseNow.terminationReason).toContain('End of tour');

    const own = await eventFor('gov.ofm.accreditation.member.terminated.v1', principal.id);
    expect(own.value.principalId ?? '').toBe('');
    const cascaded = await eventFor('gov.ofm.accreditation.member.terminated.v1', spouse.id);
    expect(cascaded.value).toMatchObject({
      principalId: principal.id,
      member: { status: 'terminated', openItems: [{ document: 'id-card', status: 'open' }] },
    });
    await eventFor('gov.ofm.accreditation.member.notified.v1', spouse.id);
    await eventFor('gov.ofm.accreditation.mission.registered.v1', m.id);

    // Both ID cards are open items until returned.
    const items = await pg.query(
      'SELECT member_id, document, reference, status FROM member_open_item ORDER BY reference',
    );
    expect(items.rows).toEqual(
      [accredited, spouseAccredited]
        .map((x) => ({ member_id: x.id, document: 'id-card', reference: x.idCard.number, status: 'open' }))
        .sort((a, b) => a.reference.localeCompare(b.reference)),
    );

    expect(await auditActions(m.id)).toEqual(['mission.registered']);
    expect(await auditActions(principal.id)).toEqual([
      'member.notified',
      'member.accredited',
      'id-card.verified',
      'member.terminated',
    ]);
    expect(await auditActions(spouse.id)).toEqual([
      'member.notified',
      'member.accredited',
      'id-card.verified',
      'member.terminated',
    ]);
    const actor = await pg.query(
      `SELECT actor_subject, actor_roles FROM audit_record WHERE entity_id = $1 AND action = 'member.terminated'`,
      [principal.id],
    );
    expect(actor.rows).toEqual([{ actor_subject: 'mission-user-fr', actor_roles: ['mission-user'] }]);

    const { verification: verifiedAfter } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: accredited.idCard.number },
      police,
    );
    // Immunity runs on until immunityEndsOn (30 days after the effective date): same level and
    // guidance meanwhile.
    expect(verifiedAfter).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      guidance: verified.guidance,
      immunityEndsOn: terminated.immunityEndsOn,
    });
    const { verification: spouseAfter } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: spouseAccredited.idCard.number },
      police,
    );
    expect(spouseAfter.status).toBe('terminated');
  });

  it('answers the level in force: none, with the guidance of no immunity, once immunity has ended', async () => {
    const m = await register();
    const member = await notify(diplomat(m.id, { arrivalDate: '2020-01-01' }));
    const { idCard } = await accredit(member.id);
    const ended = (
      await client.call(
        'MemberService',
        'terminateMember',
        { id: member.id, effectiveDate: '2020-02-01', reason: 'End of tour', expectedVersion: 0 },
        officer,
      )
    ).member;
    expect(ended).toMatchObject({ status: 'terminated', immunityLevel: 'full', immunityEndsOn: '2020-03-02' });
    const { verification } = await client.call(
      'MemberService',
      'verifyIdCard',
      { idCardNumber: idCard.number },
      police,
    );
    expect(verification).toMatchObject({
      status: 'terminated',
      name: 'Claire Martin',
      immunityLevel: 'none',
      immunityEndsOn: '2020-03-02',
      guidance: {
        arrest: 'May be arrested or detained',
        residenceInviolable: 'Residence is not inviolable: it may be entered under ordinary procedures',
        prosecution: 'May be prosecuted: no immunity',
        ticket: 'May be issued a traffic citation',
      },
    });
  });

  it('answers a card nobody holds as unknown, naming nobody, and audits the miss', async () => {
    const { verification } = await client.call('MemberService', 'verifyIdCard', { idCardNumber: 'd999999999' }, police);
    expect(verification.status).toBe('unknown');
    expect(Date.parse(verification.checkedAt)).not.toBeNaN();
    expect(verification.guidance).toBeNull();
    for (const field of ['name', 'mission', 'country', 'category', 'immunityLevel', 'immunityEndsOn']) {
      expect(verification).not.toHaveProperty(field);
    }
    const bad = await rpcError(client.call('MemberService', 'verifyIdCard', { idCardNumber: 'D#999' }, police));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.problem.errors.map((e: { field: string }) => e.field)).toEqual(['idCardNumber']);
    const misses = await pg.query(
      `SELECT action, entity_type, actor_subject, after FROM audit_record WHERE entity_id = 'D999999999'`,
    );
    expect(misses.rows).toEqual([
      {
        action: 'id-card.verified',
        entity_type: 'id-card',
        actor_subject: 'police-1',
        after: { idCardNumber: 'D999999999', found: false },
      },
    ]);
  });

  it('persists a refusal, names every failed criterion and publishes memberRefused', async () => {
    const m = await register();
    const member = await notify(
      diplomat(m.id, {
        passportType: 'regular',
        visaClass: 'A-2',
        dateOfBirth: '2010-01-01',
        arrivalDate: '2026-01-01',
        title: 'Driver',
      }),
    );
    const { code, problem } = await rpcError(accredit(member.id));
    expect(code).toBe(status.FAILED_PRECONDITION);
    expect(problem).toMatchObject({
      status: 422,
      rule: 'accreditation-criteria',
      type: 'https://ofm.state.gov/problems/accreditation-criteria',
    });
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'visa-class',
      'diplomatic-passport',
      'recognized-title',
      'minimum-age',
    ]);

    const stored = await getMember(member.id);
    expect(stored).toMatchObject({ status: 'refused', version: 2 });
    expect(stored).not.toHaveProperty('immunityLevel');
    // The member keeps the reasons of its refusal, as the refusal named them.
    expect(stored.failedCriteria).toEqual(
      problem.errors.map((e: { field: string; message: string }) => ({ criterion: e.field, message: e.message })),
    );
    expect(stored.idCard).toBeNull();
    expect(await auditActions(member.id)).toEqual(['member.notified', 'member.refused']);
    const event = await eventFor('gov.ofm.accreditation.member.refused.v1', member.id);
    expect(event.value.failedCriteria).toEqual([
      'visa-class',
      'diplomatic-passport',
      'recognized-title',
      'minimum-age',
    ]);
    const row = await pg.query('SELECT failed_criteria FROM member WHERE id = $1', [member.id]);
    expect(row.rows[0].failed_criteria.map((f: { criterion: string }) => f.criterion)).toEqual(
      problem.errors.map((e: { field: string }) => e.field),
    );
  });

  it('re-decides a refused dependent once its principal is accredited', async () => {
    const m = await register();
    const principal = await notify(diplomat(m.id));
    const child = await notify(
      diplomat(m.id, {
        givenName: 'Emma',
        dateOfBirth: '2012-05-01',
        category: 'dependent',
        title: undefined,
        principalId: principal.id,
        relationship: 'child',
      }),
    );
    const refused = await rpcError(accredit(child.id));
    expect(refused.problem.errors).toEqual([
      { field: 'principal-accredited', message: expect.stringContaining('accredited first') },
    ]);
    expect((await getMember(child.id)).failedCriteria).toEqual([
      { criterion: 'principal-accredited', message: expect.stringContaining('accredited first') },
    ]);
    await accredit(principal.id);
    const accredited = await accredit(child.id, 2);
    expect(accredited.failedCriteria).toEqual([]);
    expect(accredited).toMatchObject({
      status: 'accredited',
      immunityLevel: 'full',
      version: 3,
      idCard: { color: 'blue' },
    });
    // A child's card ends before the 21st birthday at the latest.
    expect(accredited.idCard.expiresOn <= '2033-04-30').toBe(true);
  });

  it('flags a notification received more than 30 days after arrival', async () => {
    const m = await register();
    const late = await notify(diplomat(m.id, { arrivalDate: '2020-01-01' }));
    expect(late.lateNotification).toBe(true);
  });

  it('answers a mission user of another mission as if nothing existed', async () => {
    const ours = await register();
    const theirs = await register({ name: 'Embassy of Germany', country: 'DE' });
    const member = await notify(diplomat(ours.id));
    const stranger: Actor = { subject: 'mission-user-de', roles: ['mission-user'], missionId: theirs.id };

    for (const call of [
      client.call('MemberService', 'getMember', { id: member.id }, stranger),
      client.call('MissionService', 'getMission', { id: ours.id }, stranger),
      client.call('MemberService', 'notifyAppointment', diplomat(ours.id), stranger),
      client.call('MemberService', 'listMembers', { missionId: ours.id, page: { limit: 10, cursor: '' } }, stranger),
      client.call(
        'MemberService',
        'terminateMember',
        { id: member.id, effectiveDate: today, reason: 'x', expectedVersion: 0 },
        stranger,
      ),
    ]) {
      const { code, problem } = await rpcError(call);
      expect(code).toBe(status.NOT_FOUND);
      expect(problem.status).toBe(404);
    }
    // Its own lists hold only its own mission and its members.
    const list = await client.call('MissionService', 'listMissions', { page: { limit: 500, cursor: '' } }, stranger);
    expect(list.missions.map((x: { id: string }) => x.id)).toEqual([theirs.id]);
    const members = await client.call('MemberService', 'listMembers', { page: { limit: 500, cursor: '' } }, stranger);
    expect(members.members).toEqual([]);
    expect((await getMember(member.id)).status).toBe('notified');
  });

  it('notifies for a mission user’s own mission when missionId is left out; anyone else must name it', async () => {
    const m = await register();
    const clerk: Actor = { subject: 'mission-user-own', roles: ['mission-user'], missionId: m.id };
    const { missionId, ...withoutMission } = diplomat(m.id);
    expect(missionId).toBe(m.id);
    const member = await notify(withoutMission, clerk);
    expect(member).toMatchObject({ missionId: m.id, missionCountry: 'FR', status: 'notified' });
    expect((await getMember(member.id, clerk)).id).toBe(member.id);

    // Who must name the mission depends on the caller, which no schema says: a rule (422).
    const { code, problem } = await rpcError(notify(withoutMission, officer));
    expect(code).toBe(status.FAILED_PRECONDITION);
    expect(problem.rule).toBe('appointment-facts');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['missionId']);
    const lost = await rpcError(notify(withoutMission, { subject: 'mu', roles: ['mission-user'] }));
    expect(lost.problem.errors.map((e: { field: string }) => e.field)).toEqual(['missionId']);
  });

  it('pages a mission user’s lists like any other: its own mission after a cursor that precedes it', async () => {
    const earlier = await register({ name: 'Embassy of Spain', country: 'ES' });
    const own = await register({ name: 'Embassy of Italy', country: 'IT' });
    await register({ name: 'Embassy of Portugal', country: 'PT' });
    const clerk: Actor = { subject: 'mission-user-it', roles: ['mission-user'], missionId: own.id };
    // Cursors of the officer's list, cut right after a given mission.
    const all = await client.call('MissionService', 'listMissions', { page: { limit: 500, cursor: '' } }, officer);
    const ids: string[] = all.missions.map((x: { id: string }) => x.id);
    const cursorAfter = async (id: string): Promise<string> => {
      const cut = await client.call(
        'MissionService',
        'listMissions',
        { page: { limit: ids.indexOf(id) + 1, cursor: '' } },
        officer,
      );
      expect(cut.missions.at(-1).id).toBe(id);
      expect(cut.nextCursor).not.toBe('');
      return cut.nextCursor;
    };
    const page = await client.call(
      'MissionService',
      'listMissions',
      { page: { limit: 10, cursor: await cursorAfter(earlier.id) } },
      clerk,
    );
    expect(page).toEqual({
      missions: [expect.objectContaining({ id: own.id, name: 'Embassy of Italy' })],
      nextCursor: '',
    });
    // Past its own mission, nothing further.
    const past = await client.call(
      'MissionService',
      'listMissions',
      { page: { limit: 10, cursor: await cursorAfter(own.id) } },
      clerk,
    );
    expect(past).toEqual({ missions: [], nextCursor: '' });

    // Its members, page by page.
    const notified: string[] = [];
    for (const givenName of ['A', 'B', 'C']) notified.push((await notify(diplomat(own.id, { givenName }), clerk)).id);
    const seen: string[] = [];
    let cursor = '';
    do {
      const members = await client.call('MemberService', 'listMembers', { page: { limit: 2, cursor } }, clerk);
      seen.push(...members.members.map((x: { id: string }) => x.id));
      cursor = members.nextCursor;
    } while (cursor);
    expect(seen).toEqual(notified);
  });

  it('refuses callers without the role, and callers without identity', async () => {
    const m = await register();
    const member = await notify(diplomat(m.id));
    const denied: [string, string, object, Actor][] = [
      ['MissionService', 'registerMission', mission(), police],
      ['MemberService', 'accreditMember', { id: member.id, decision: 'accredit', expectedVersion: 0 }, auditor],
      [
        'MemberService',
        'accreditMember',
        { id: member.id, decision: 'accredit', expectedVersion: 0 },
        { subject: 'mu', roles: ['mission-user'], missionId: m.id },
      ],
      ['MemberService', 'notifyAppointment', diplomat(m.id), auditor],
      ['MemberService', 'getMember', { id: member.id }, police],
      ['MemberService', 'verifyIdCard', { idCardNumber: 'D000000001' }, auditor],
      [
        'MemberService',
        'verifyIdCard',
        { idCardNumber: 'D000000001' },
        { subject: 'mu', roles: ['mission-user'], missionId: m.id },
      ],
      // The role is checked before the request: a malformed request of a caller without the role is denied.
      ['MemberService', 'getMember', { id: 'nope' }, police],
    ];
    for (const [service, method, request, actor] of denied) {
      const { code } = await rpcError(client.call(service as 'MemberService', method, request, actor));
      expect([method, code]).toEqual([method, status.PERMISSION_DENIED]);
    }
    const { code } = await rpcError(client.call('MemberService', 'getMember', { id: member.id }));
    expect(code).toBe(status.UNAUTHENTICATED);
    // Read-only roles read.
    expect((await getMember(member.id, auditor)).id).toBe(member.id);
  });

  it('rejects a stale expected_version with ABORTED and changes nothing', async () => {
    const m = await register();
    const member = await notify(diplomat(m.id));
    await accredit(member.id, 1);
    const { code, problem } = await rpcError(accredit(member.id, 1));
    expect(code).toBe(status.ABORTED);
    expect(problem.status).toBe(409);
    const stale = await rpcError(
      client.call(
        'MemberService',
        'terminateMember',
        { id: member.id, effectiveDate: today, reason: 'x', expectedVersion: 1 },
        officer,
      ),
    );
    expect(stale.code).toBe(status.ABORTED);
    expect((await getMember(member.id)).status).toBe('accredited');
  });

  it('names each bad field of a request, by the proto rules and then by the domain rules', async () => {
    const m = await register();
    const { code, problem } = await rpcError(
      notify(
        diplomat(m.id, { dateOfBirth: '1985-02-30', nationality: 'France', category: 'ambassador', visaClass: 'B-2' }),
      ),
    );
    expect(code).toBe(status.INVALID_ARGUMENT);
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'dateOfBirth',
      'nationality',
      'category',
      'visaClass',
    ]);

    const badMission = await rpcError(
      client.call('MissionService', 'registerMission', mission({ country: 'FRA', address: null }), officer),
    );
    expect(badMission.problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address', 'country']);

    const badDependent = await rpcError(
      notify(
        diplomat(m.id, {
          category: 'dependent',
          principalId: '00000000-0000-4000-8000-000000000000',
          relationship: 'spouse',
        }),
      ),
    );
    expect(badDependent.problem.errors).toEqual([
      { field: 'principalId', message: 'principalId must be a member of the same mission' },
    ]);

    // What no single field says: a dependent names its principal and relationship, nobody else does.
    const orphan = await rpcError(notify(diplomat(m.id, { category: 'dependent' })));
    expect(orphan.code).toBe(status.FAILED_PRECONDITION);
    expect(orphan.problem.rule).toBe('appointment-facts');
    expect(orphan.problem.errors).toEqual([
      { field: 'principalId', message: 'principalId is required for a dependent' },
      { field: 'relationship', message: 'relationship is required for a dependent' },
    ]);
    const notDependent = await rpcError(notify(diplomat(m.id, { relationship: 'spouse' })));
    expect(notDependent.problem.errors.map((e: { field: string }) => e.field)).toEqual(['relationship']);
    // An optional field sent empty is a value, and not one of its words ('' is never "absent").
    const empty = await rpcError(notify(diplomat(m.id, { visaClass: '', title: '' })));
    expect(empty.problem.errors.map((e: { field: string }) => e.field)).toEqual(['title', 'visaClass']);
    // The termination's dates against the member's arrival.
    const member = await notify(diplomat(m.id, { arrivalDate: '2026-01-10' }));
    const early = await rpcError(
      client.call(
        'MemberService',
        'terminateMember',
        { id: member.id, effectiveDate: '2026-01-09', reason: 'x', expectedVersion: 0, departureDate: '2026-01-01' },
        officer,
      ),
    );
    expect(early.problem.errors.map((e: { field: string }) => e.field)).toEqual(['effectiveDate', 'departureDate']);
    const badMissionType = await rpcError(
      client.call('MissionService', 'registerMission', mission({ type: 'consular-post' }), officer),
    );
    expect(badMissionType.problem.errors.map((e: { field: string }) => e.field)).toEqual(['consularClass']);
  });

  it('pages through members with an opaque cursor', async () => {
    const m = await register();
    const ids: string[] = [];
    for (const givenName of ['A', 'B', 'C']) ids.push((await notify(diplomat(m.id, { givenName }))).id);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await client.call(
        'MemberService',
        'listMembers',
        { missionId: m.id, page: { limit: 2, cursor } },
        auditor,
      );
      seen.push(...page.members.map((x: { id: string }) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const tooMany = await rpcError(
      client.call('MemberService', 'listMembers', { page: { limit: 501, cursor: '' } }, auditor),
    );
    expect(tooMany.code).toBe(status.INVALID_ARGUMENT);
    expect(tooMany.problem.errors.map((e: { field: string }) => e.field)).toEqual(['page.limit']);
    const bad = await rpcError(
      client.call('MemberService', 'listMembers', { page: { limit: 10, cursor: 'nope' } }, auditor),
    );
    expect(bad.problem.errors).toEqual([{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }]);
  });
});
