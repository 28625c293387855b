import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, TOPICS, type vehicles } from '@ofm/contracts';
import { addDays } from '@ofm/kernel';
import { encodeEvent, KafkaMessageBus } from '@ofm/messaging';
import type { Actor } from '@ofm/platform';
import { failureOf, startGroupAtEnd, testKafkaBrokers, uniqueName, waitFor } from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { ChecklistSweep } from '../src/termination-checklist/checklist.sweep';
import { startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';

// The termination checklist over real PostgreSQL and Kafka: the ID card opened at termination, the
// plates from vehicles' disposal-due events (published here as vehicles publishes them), the sweep's
// one documents-not-returned flag and immunity-ended notice, and the returns that close them.
jest.setTimeout(180_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

describe('the termination checklist', () => {
  let svc: AccreditationUnderTest;
  let producer: KafkaMessageBus;
  let flagConsumer: Consumer;
  const flags: { type: string; value: any }[] = [];

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('termination-checklist-test');
    producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'termination-checklist-test-vehicles' });
    const groupId = uniqueName('termination-checklist-flags');
    await startGroupAtEnd(groupId, [TOPICS.complianceFlag]);
    const kafka = new Kafka({ clientId: groupId, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    flagConsumer = kafka.consumer({ groupId });
    await flagConsumer.connect();
    await flagConsumer.subscribe({ topics: [TOPICS.complianceFlag], fromBeginning: true });
    await flagConsumer.run({
      eachMessage: async ({ message }) => {
        flags.push({ type: String(message.headers?.ce_type), value: JSON.parse(message.value!.toString()) });
      },
    });
  }, 180_000);

  afterAll(async () => {
    await flagConsumer?.disconnect();
    await producer?.disconnect();
    await svc?.stop();
  }, 120_000);

  const members = (method: string, request: object, actor: Actor = officer) =>
    svc.client.call('MemberService', method, request, actor);
  const returned = (request: object, actor: Actor = officer) =>
    svc.client.call('ChecklistService', 'recordReturnedDocument', request, actor);

  // As vehicles publishes it when the owner's termination reaches it (vehicle-disposal.service.ts).
  const disposalDue = async (vehicle: vehicles.Vehicle) => {
    const id = randomUUID();
    const message = encodeEvent({
      id,
      type: EVENT_TYPES.registrationDisposalDue.type,
      source: '/ofm/vehicles',
      subject: vehicle.id,
      time: new Date().toISOString(),
      data: { vehicle, reason: 'owner-terminated' },
    });
    await producer.publish([{ topic: TOPICS.vehicle, messages: [message] }]);
    await waitFor(
      async () => (await svc.pg.query('SELECT 1 FROM inbox_event WHERE event_id = $1', [id])).rowCount === 1,
      { timeoutMs: 60_000, what: `vehicle event ${id} processed` },
    );
  };

  const vehicleOf = (memberId: string, missionId: string, plate: string): vehicles.Vehicle => ({
    id: randomUUID(),
    ownerMemberId: memberId,
    vin: '1HGCM82633A004352',
    make: 'Honda',
    model: 'Accord',
    year: 2024,
    kind: 'passenger',
    plate,
    insuranceStatus: 'active',
    version: 2,
    missionId,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });

  const flagEvents = (memberId: string, type: string) =>
    flags.filter((f) => f.type === type && f.value.flag?.memberId === memberId);

  it('opens the ID card and each disposal-due vehicle plates, flags them once past due, and clears on return', async () => {
    const m = (await svc.client.call('MissionService', 'registerMission', mission(), officer)).mission;
    const notified = (await members('notifyAppointment', diplomat(m.id))).member;
    const accredited = (await members('accreditMember', { id: notified.id, decision: 'accredit', expectedVersion: 0 }))
      .member;
    const card = accredited.idCard.number;
    const terminated = (
      await members('terminateMember', {
        id: notified.id,
        effectiveDate: today,
        reason: 'End of tour',
        expectedVersion: accredited.version,
      })
    ).member;
    const due = addDays(today, 30);
    expect(terminated.openItems).toEqual([{ document: 'id-card', reference: card, dueOn: due, status: 'open' }]);

    // Vehicles reports the owner's vehicle disposal-due: its plates become an item; a replay adds nothing.
    const vehicle = vehicleOf(notified.id, m.id, 'DAX123');
    await disposalDue(vehicle);
    await disposalDue(vehicle);
    // A mission's own vehicle, or one of a member this service does not know, opens nothing.
    await disposalDue({ ...vehicleOf(randomUUID(), m.id, 'DAX999') });
    const withPlates = (await members('getMember', { id: notified.id })).member;
    expect(withPlates.openItems).toEqual([
      { document: 'id-card', reference: card, dueOn: due, status: 'open' },
      { document: 'plates', reference: 'DAX123', dueOn: due, status: 'open' },
    ]);

    // On the due day nothing is overdue; the day after, one flag lists both, and the immunity-ended notice goes out.
    const sweep = svc.app.get(ChecklistSweep);
    expect(await sweep.sweep(new Date(`${due}T16:00:00Z`))).toMatchObject({ flagged: 0 });
    const after = new Date(`${addDays(due, 1)}T16:00:00Z`);
    expect(await sweep.sweep(after)).toEqual({ flagged: 1, immunityEnded: 1 });
    const [raised] = await waitFor(() => {
      const found = flagEvents(notified.id, EVENT_TYPES.flagRaised.type);
      return found.length ? found : undefined;
    });
    expect(raised.value.flag).toMatchObject({
      reasonCode: 'documents-not-returned',
      program: 'accreditation',
      subjectType: 'member',
      subjectId: notified.id,
      missionId: m.id,
      detail: `2 documents not returned past due: id-card ${card} (due ${due}), plates DAX123 (due ${due})`,
    });
    const notice = await waitFor(() =>
      svc.received.find(
        (r) => r.headers.ce_type === EVENT_TYPES.immunityStatusChanged.type && r.value.change === 'immunity-ended',
      ),
    );
    expect(notice.key).toBe(card);
    expect(notice.value).toMatchObject({ idCardNumber: card, effectiveOn: addDays(due, 1) });

    // A second pass raises and announces nothing.
    expect(await sweep.sweep(new Date(`${addDays(due, 2)}T16:00:00Z`))).toEqual({ flagged: 0, immunityEnded: 0 });
    const raisedRows = await svc.pg.query(
      `SELECT 1 FROM outbox_event WHERE type = $1 AND payload->'flag'->>'memberId' = $2`,
      [EVENT_TYPES.flagRaised.type, notified.id],
    );
    expect(raisedRows.rowCount).toBe(1);
    const endedRows = await svc.pg.query(
      `SELECT 1 FROM outbox_event WHERE type = $1 AND subject = $2 AND payload->>'change' = 'immunity-ended'`,
      [EVENT_TYPES.immunityStatusChanged.type, card],
    );
    expect(endedRows.rowCount).toBe(1);

    // The card comes back: one item left, the flag stays.
    const cardBack = (await returned({ id: notified.id, document: 'id-card', reference: card, returnedOn: today }))
      .member;
    // (grpc-js adds the synthetic oneof of a proto3 optional field: matched, not compared whole.)
    expect(cardBack.openItems).toEqual([
      expect.objectContaining({
        document: 'id-card',
        reference: card,
        dueOn: due,
        status: 'returned',
        returnedOn: today,
      }),
      expect.objectContaining({ document: 'plates', reference: 'DAX123', dueOn: due, status: 'open' }),
    ]);
    expect(cardBack.openItems[1].returnedOn).toBeUndefined();
    const documentReturned = await svc.eventFor(EVENT_TYPES.documentReturned.type, notified.id);
    expect(documentReturned.value).toMatchObject({
      item: { document: 'id-card', reference: card, status: 'returned', returnedOn: today },
      closedBy: 'officer',
    });
    expect(flagEvents(notified.id, EVENT_TYPES.flagCleared.type)).toEqual([]);

    // The plates come back: the last item, so the flag clears in the same commit.
    await returned({ id: notified.id, document: 'plates', reference: 'DAX123', returnedOn: today });
    const [cleared] = await waitFor(() => {
      const found = flagEvents(notified.id, EVENT_TYPES.flagCleared.type);
      return found.length ? found : undefined;
    });
    expect(cleared.value).toMatchObject({ flag: { id: raised.value.flag.id, clearedAt: expect.any(String) } });
    const audit = await svc.pg.query(
      `SELECT action FROM audit_record WHERE entity_id = $1 AND action = 'member.document-returned'`,
      [notified.id],
    );
    expect(audit.rowCount).toBe(2);
  });

  it('refuses a document the member does not owe, one already returned, and a mission user', async () => {
    const m = (
      await svc.client.call(
        'MissionService',
        'registerMission',
        mission({ name: 'Embassy of Chile', country: 'CL' }),
        officer,
      )
    ).mission;
    const notified = (await members('notifyAppointment', diplomat(m.id, { nationality: 'CL' }))).member;
    const accredited = (await members('accreditMember', { id: notified.id, decision: 'accredit', expectedVersion: 0 }))
      .member;
    await members('terminateMember', {
      id: notified.id,
      effectiveDate: today,
      reason: 'Recall',
      expectedVersion: accredited.version,
    });
    const card = accredited.idCard.number;

    const unknown = await failureOf(
      returned({ id: notified.id, document: 'plates', reference: 'NOPE1', returnedOn: today }),
    );
    expect(unknown.code).toBe(5);
    expect(unknown.problem.detail).toContain('open item plates NOPE1');

    const missionUser: Actor = { subject: 'mission-1', roles: ['mission-user'], missionId: m.id };
    const denied = await failureOf(
      returned({ id: notified.id, document: 'id-card', reference: card, returnedOn: today }, missionUser),
    );
    expect(denied.code).toBe(7);

    await returned({ id: notified.id, document: 'id-card', reference: card, returnedOn: today });
    const again = await failureOf(
      returned({ id: notified.id, document: 'id-card', reference: card, returnedOn: today }),
    );
    expect(again.code).toBe(10);
    expect(again.problem.detail).toContain('already returned');
  });
});
