import { status } from '@grpc/grpc-js';
import type { Actor } from '@ofm/platform';
import { waitFor } from '@ofm/testing';
import type { Client } from 'pg';
import {
  rpcError,
  startAccreditationUnderTest,
  type AccreditationUnderTest,
  type ReceivedEvent,
} from './accreditation-under-test';
import { diplomat, mission, spouseOf, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// A mission's status over real gRPC, PostgreSQL and Kafka (set up as accreditation.int-spec.ts):
// suspending stops notifications, reactivating allows them again, closing ends every member's
// appointment (dependents with their principal) with the events a termination publishes.
// Waits on Kafka and the outbox relay: the project-level testTimeout does not reach hooks.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

describe("a mission's status over gRPC", () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;
  let pg: Client;
  let received: ReceivedEvent[];
  let eventFor: AccreditationUnderTest['eventFor'];

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('mission-status-test');
    ({ client, pg, received, eventFor } = svc);
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const register = async () => (await client.call('MissionService', 'registerMission', mission(), officer)).mission;
  const notify = async (request: object) =>
    (await client.call('MemberService', 'notifyAppointment', request, officer)).member;
  const accredit = async (id: string) =>
    (await client.call('MemberService', 'accreditMember', { id, decision: 'accredit', expectedVersion: 0 }, officer))
      .member;
  const getMember = async (id: string) => (await client.call('MemberService', 'getMember', { id }, officer)).member;
  const change = async (id: string, status: string, expectedVersion = 0, actor: Actor = officer) =>
    (
      await client.call(
        'MissionService',
        'changeMissionStatus',
        { id, status, reason: `to ${status}`, expectedVersion },
        actor,
      )
    ).mission;
  const auditActions = async (entityId: string) =>
    (await pg.query('SELECT action FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at', [entityId])).rows.map(
      (r) => r.action,
    );

  it('suspends a mission, which then may not notify appointments, and reactivates it', async () => {
    const m = await register();
    const suspended = await change(m.id, 'suspended', 1);
    expect(suspended).toMatchObject({ id: m.id, status: 'suspended', version: 2 });

    const refused = await rpcError(notify(diplomat(m.id)));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.problem).toMatchObject({ status: 422, rule: 'mission-active' });
    expect(refused.problem.detail).toContain('suspended');

    const active = await change(m.id, 'active', 2);
    expect(active).toMatchObject({ status: 'active', version: 3 });
    expect(await notify(diplomat(m.id))).toMatchObject({ status: 'notified' });

    const event = await eventFor('gov.ofm.accreditation.mission.status-changed.v1', m.id);
    expect(event.key).toBe(m.id);
    expect(event.value).toMatchObject({ mission: { status: 'suspended', version: 2 }, previousStatus: 'active' });
    expect(await auditActions(m.id)).toEqual(['mission.registered', 'mission.suspended', 'mission.reactivated']);
  });

  it('closes a mission: every notified or accredited member ends, dependents with their principal', async () => {
    const m = await register();
    const principal = await notify(diplomat(m.id));
    const spouse = await notify(spouseOf(m.id, principal.id));
    const accredited = await accredit(principal.id);
    await accredit(spouse.id);
    // Still only notified: a pending appointment ends with the mission too.
    const pending = await notify(diplomat(m.id, { givenName: 'Paul', title: 'Second Secretary' }));
    // Refused: left as it is.
    const refusedMember = await notify(diplomat(m.id, { givenName: 'Anne', passportType: 'regular' }));
    await rpcError(accredit(refusedMember.id));

    const suspended = await change(m.id, 'suspended');
    const closed = await change(m.id, 'closed', suspended.version);
    expect(closed).toMatchObject({ status: 'closed', version: 3 });

    for (const id of [principal.id, spouse.id, pending.id]) {
      expect(await getMember(id)).toMatchObject({
        status: 'terminated',
        terminationEffectiveDate: today,
        terminationReason: expect.stringContaining('Mission closed: to closed'),
      });
    }
    expect((await getMember(spouse.id)).terminationReason).toContain("Principal's appointment terminated");
    expect((await getMember(refusedMember.id)).status).toBe('refused');
    // The principal's card is an open item to return, as after any termination.
    expect((await getMember(principal.id)).openItems).toEqual([
      { document: 'id-card', reference: accredited.idCard.number, dueOn: expect.any(String), status: 'open' },
    ]);

    const own = await eventFor('gov.ofm.accreditation.member.terminated.v1', principal.id);
    expect(own.value.principalId ?? '').toBe('');
    const cascaded = await eventFor('gov.ofm.accreditation.member.terminated.v1', spouse.id);
    expect(cascaded.value.principalId).toBe(principal.id);
    await eventFor('gov.ofm.accreditation.member.terminated.v1', pending.id);
    const closing = await waitFor(
      () =>
        received.find(
          (r) =>
            r.headers.ce_type === 'gov.ofm.accreditation.mission.status-changed.v1' &&
            r.value.mission?.status === 'closed' &&
            r.headers.ce_subject === m.id,
        ),
      { timeoutMs: 30_000, what: 'the closing event' },
    );
    expect(closing.value).toMatchObject({ previousStatus: 'suspended', reason: 'to closed' });
    expect(await auditActions(m.id)).toEqual(['mission.registered', 'mission.suspended', 'mission.closed']);
    expect((await auditActions(pending.id)).at(-1)).toBe('member.terminated');

    // Closed is final, and a closed mission notifies nothing.
    const reopen = await rpcError(change(m.id, 'active'));
    expect(reopen.problem).toMatchObject({ status: 422, rule: 'mission-status-transition' });
    expect(reopen.problem.detail).toBe('A closed mission is closed for good: register it again');
    const late = await rpcError(notify(diplomat(m.id)));
    expect(late.problem.rule).toBe('mission-active');
  });

  it('refuses a change that is not allowed, a stale version, an unknown mission and a mission user', async () => {
    const m = await register();
    const same = await rpcError(change(m.id, 'active'));
    expect(same.problem).toMatchObject({ rule: 'mission-status-transition', detail: 'The mission is already active' });
    const stale = await rpcError(change(m.id, 'suspended', 7));
    expect(stale.code).toBe(status.ABORTED);
    expect(stale.problem.status).toBe(409);
    const missing = await rpcError(change('00000000-0000-4000-8000-000000000000', 'suspended'));
    expect(missing.problem.status).toBe(404);
    const own = await rpcError(change(m.id, 'closed', 0, { subject: 'mu', roles: ['mission-user'], missionId: m.id }));
    expect(own.code).toBe(status.PERMISSION_DENIED);
    const word = await rpcError(change(m.id, 'dissolved'));
    expect(word.code).toBe(status.INVALID_ARGUMENT);
    expect(word.problem.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    // Nothing changed.
    expect((await client.call('MissionService', 'getMission', { id: m.id }, officer)).mission).toMatchObject({
      status: 'active',
      version: 1,
    });
  });
});
