import type { Actor } from '@ofm/platform';
import { addDays } from '@ofm/kernel';
import type { Client } from 'pg';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, spouseOf, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// What a command on a member or a mission leaves behind, read from the tables themselves: the audit
// record's before and after (the version it moved from and to, the open items a termination opens,
// the counts a recertification records) and the event written with it in the outbox. Every such
// command ends through commitMemberChange or commitMissionChange; this pins what those write.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

interface AuditRow {
  action: string;
  before: any;
  after: any;
  reason: string | null;
}

describe('the records a member or mission command commits', () => {
  let svc: AccreditationUnderTest;
  let client: AccreditationClient;
  let pg: Client;

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('commit-records-test');
    ({ client, pg } = svc);
  }, 120_000);

  afterAll(() => svc?.stop(), 120_000);

  const register = async () => (await client.call('MissionService', 'registerMission', mission(), officer)).mission;
  const member = async (method: string, request: object, actor: Actor = officer) =>
    (await client.call('MemberService', method as never, request, actor)).member;
  const notify = (request: object) => member('notifyAppointment', request);
  const accredit = (id: string, expectedVersion = 0) =>
    member('accreditMember', { id, decision: 'accredit', expectedVersion });
  const records = async (entityId: string): Promise<AuditRow[]> =>
    (
      await pg.query(
        'SELECT action, before, after, reason FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at, action',
        [entityId],
      )
    ).rows;
  const last = async (entityId: string) => (await records(entityId)).at(-1)!;
  const outboxed = async (type: string, subject: string) =>
    (
      await pg.query('SELECT payload FROM outbox_event WHERE type = $1 AND subject = $2 ORDER BY seq', [type, subject])
    ).rows.map((r) => r.payload);
  const seqOf = async (type: string, subject: string) =>
    Number(
      (await pg.query('SELECT seq FROM outbox_event WHERE type = $1 AND subject = $2', [type, subject])).rows[0].seq,
    );

  it('an accreditation records the member from its notified version to its accredited one, card and all', async () => {
    const m = await register();
    const notified = await notify(diplomat(m.id));
    const accredited = await accredit(notified.id);

    const record = await last(notified.id);
    expect(record).toMatchObject({ action: 'member.accredited', reason: null });
    expect(record.before).toMatchObject({ status: 'notified', version: 1 });
    expect(record.before.idCard).toBeUndefined();
    expect(record.after).toMatchObject({ status: 'accredited', version: 2, idCard: accredited.idCard });
    expect(record.after.updatedAt).toBe(accredited.updatedAt);
    const [event] = await outboxed('gov.ofm.accreditation.member.accredited.v1', notified.id);
    expect(event.member).toEqual(record.after);
  });

  it('a refusal records the criteria it failed, in the record and its event', async () => {
    const m = await register();
    const notified = await notify(diplomat(m.id, { passportType: 'regular' }));
    await rpcError(accredit(notified.id));

    const record = await last(notified.id);
    expect(record).toMatchObject({ action: 'member.refused', reason: 'diplomatic-passport' });
    expect(record.after).toMatchObject({ status: 'refused', version: 2 });
    const [event] = await outboxed('gov.ofm.accreditation.member.refused.v1', notified.id);
    expect(event).toEqual({ member: record.after, failedCriteria: ['diplomatic-passport'] });
  });

  it('a termination records the open items it opens; its dependent is recorded on its own', async () => {
    const m = await register();
    const principal = await accredit((await notify(diplomat(m.id))).id);
    const spouse = await accredit((await notify(spouseOf(m.id, principal.id))).id);
    const terminated = await member('terminateMember', {
      id: principal.id,
      effectiveDate: today,
      reason: 'End of tour',
      expectedVersion: 2,
    });

    const record = await last(principal.id);
    expect(record).toMatchObject({ action: 'member.terminated', reason: 'End of tour' });
    expect(record.before).toMatchObject({ status: 'accredited', version: 2 });
    expect(record.before.openItems).toBeUndefined();
    expect(record.after).toMatchObject({ status: 'terminated', version: 3 });
    expect(record.after.openItems).toEqual([
      { document: 'id-card', reference: principal.idCard.number, dueOn: terminated.openItems[0].dueOn, status: 'open' },
    ]);
    const [event] = await outboxed('gov.ofm.accreditation.member.terminated.v1', principal.id);
    expect(event).toEqual({ member: record.after });

    const cascaded = await last(spouse.id);
    expect(cascaded).toMatchObject({
      action: 'member.terminated',
      reason: "Principal's appointment terminated: End of tour",
    });
    expect(cascaded.after).toMatchObject({ status: 'terminated', version: 3 });
    expect(cascaded.after.openItems).toEqual([expect.objectContaining({ reference: spouse.idCard.number })]);
    const [own] = await outboxed('gov.ofm.accreditation.member.terminated.v1', spouse.id);
    expect(own).toEqual({ member: cascaded.after, principalId: principal.id });
  });

  it("a promotion records each dependent's move to the new appointment as a change of its principal", async () => {
    const m = await register();
    const attache = await accredit(
      (
        await notify(
          diplomat(m.id, {
            category: 'administrative-technical',
            title: 'Attaché',
            visaClass: 'A-2',
            passportType: 'official',
            transferPolicyAttested: true,
          }),
        )
      ).id,
    );
    const spouse = await notify(spouseOf(m.id, attache.id, { visaClass: 'A-2', passportType: 'official' }));
    const promoted = await member('promoteMember', {
      id: attache.id,
      category: 'diplomatic-agent',
      title: 'Third Secretary',
      startsOn: addDays(today, 7),
      visaClass: 'A-1',
      passportType: 'diplomatic',
      expectedVersion: attache.version,
    });

    const record = await last(spouse.id);
    expect(record).toMatchObject({
      action: 'member.changed',
      reason: `principal promoted: ${attache.id} to ${promoted.id}`,
    });
    expect(record.before).toMatchObject({ principalId: attache.id, version: 1 });
    expect(record.after).toMatchObject({ principalId: promoted.id, version: 2 });
    const [event] = await outboxed('gov.ofm.accreditation.member.changed.v1', spouse.id);
    expect(event).toEqual({ member: record.after, changedFields: ['principalId'] });
  });

  it("a mission's closure records the members it ends before the mission itself", async () => {
    const m = await register();
    const principal = await accredit((await notify(diplomat(m.id))).id);
    const closed = (
      await client.call(
        'MissionService',
        'changeMissionStatus',
        { id: m.id, status: 'closed', reason: 'relations severed', expectedVersion: 1 },
        officer,
      )
    ).mission;

    const record = await last(m.id);
    expect(record).toMatchObject({ action: 'mission.closed', reason: 'relations severed' });
    expect(record.before).toMatchObject({ status: 'active', version: 1 });
    expect(record.after).toMatchObject({ id: closed.id, status: 'closed', version: 2, updatedAt: closed.updatedAt });
    const [event] = await outboxed('gov.ofm.accreditation.mission.status-changed.v1', m.id);
    expect(event).toEqual({ mission: record.after, previousStatus: 'active', reason: 'relations severed' });

    const ended = await last(principal.id);
    expect(ended.after).toMatchObject({ status: 'terminated', version: 3 });
    // One transaction, one audit time: the outbox's order shows the members went first.
    expect(await seqOf('gov.ofm.accreditation.member.terminated.v1', principal.id)).toBeLessThan(
      await seqOf('gov.ofm.accreditation.mission.status-changed.v1', m.id),
    );
  });

  it('a recertification records the counts the mission gave beside the mission', async () => {
    const m = await register();
    await notify(diplomat(m.id));
    const clerk: Actor = { subject: 'clerk-fr', roles: ['mission-user'], missionId: m.id };
    const confirmed = (
      await client.call(
        'TenureService',
        'recertifyMission',
        { missionId: m.id, confirmedMemberCount: 1, departedMemberIds: [] },
        clerk,
      )
    ).mission;

    const record = await last(m.id);
    expect(record).toMatchObject({
      action: 'mission.recertified',
      reason: 'staff list confirmed: 1 member(s) (1 on record), 0 said to have left',
    });
    expect(record.before).toMatchObject({ version: 1 });
    const [event] = await outboxed('gov.ofm.accreditation.mission.recertified.v1', m.id);
    expect(event).toEqual({
      mission: expect.any(Object),
      confirmedMemberCount: 1,
      memberCountOnRecord: 1,
      previousDueOn: m.recertification.dueOn,
    });
    expect(event.mission).toMatchObject({
      version: 2,
      recertification: { lastConfirmedOn: today, lastConfirmedBy: 'clerk-fr', dueOn: confirmed.recertification.dueOn },
    });
    // The mission as it now stands, and beside it what the mission said and what OFM holds.
    expect(record.after).toEqual({
      ...event.mission,
      confirmedMemberCount: 1,
      memberCountOnRecord: 1,
      departedMemberIds: [],
    });
  });
});
