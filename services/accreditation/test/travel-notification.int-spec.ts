import { randomUUID } from 'node:crypto';
import { reciprocityEvents, TOPICS } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { defaultProfile } from '@ofm/reciprocity';
import { startGroupAtEnd, testKafkaBrokers, uniqueName, waitFor } from '@ofm/testing';
import { Kafka, logLevel, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { rpcError, startAccreditationUnderTest, type AccreditationUnderTest } from './accreditation-under-test';
import { diplomat, mission, today } from './fixtures';
import type { AccreditationClient } from './grpc-client';

// Travel notifications over real gRPC, PostgreSQL and Kafka: the country's profile reaches the
// service as reciprocity publishes it (profile.updated on ofm.reciprocity.profile.v1, the replica's
// path); the travel events and the compliance flag are read back by an independent consumer.
jest.setTimeout(180_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const HOUR = 3_600_000;
// Baltimore: about 35 miles of the White House.
const BALTIMORE = { name: 'Baltimore, MD', lat: 39.2904, lon: -76.6122 };

describe('travel notifications over gRPC', () => {
  let svc: AccreditationUnderTest;
  let travel: AccreditationClient;
  let consumer: Consumer;
  let producer: Producer;
  const seen: KafkaMessage[] = [];

  beforeAll(async () => {
    svc = await startAccreditationUnderTest('travel-test');
    travel = svc.client;
    const kafka = new Kafka({ clientId: 'travel-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const groupId = uniqueName('travel-test');
    await startGroupAtEnd(groupId, [TOPICS.travel, TOPICS.complianceFlag]);
    consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.travel, TOPICS.complianceFlag], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    producer = kafka.producer();
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await consumer?.disconnect();
    await svc?.stop();
  }, 120_000);

  const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();
  const eventFor = (type: string, pick: (value: any) => boolean) =>
    waitFor(
      () => {
        const m = seen.find((s) => header(s, 'ce_type') === type && pick(JSON.parse(s.value!.toString())));
        return m ? { message: m, value: JSON.parse(m.value!.toString()) } : undefined;
      },
      { timeoutMs: 30_000, what: `${type} on Kafka` },
    );

  // Reciprocity's event, as its outbox would publish it: versions above any the broker holds for RU
  // (the replica takes the highest version of the latest effective day), each above the last.
  let lastVersion = 100_000 + Math.floor(Math.random() * 1_000_000);
  const publishProfile = async (over: Record<string, unknown>) => {
    const version = (lastVersion += 1);
    const profile = { ...defaultProfile('RU'), version, effectiveFrom: today, ...over };
    await producer.send({
      topic: TOPICS.reciprocityProfile,
      messages: [
        {
          key: 'RU',
          value: JSON.stringify(reciprocityEvents.ProfileUpdated.toJSON({ profile, previousVersion: 0 })),
          headers: {
            ce_specversion: '1.0',
            ce_id: randomUUID(),
            ce_source: '/ofm/reciprocity',
            ce_type: 'gov.ofm.reciprocity.profile.updated.v1',
            ce_time: new Date().toISOString(),
            ce_subject: 'RU',
            'content-type': 'application/json',
          },
        },
      ],
    });
    return version;
  };

  const submit = (request: Record<string, unknown>, actor: Actor = officer) =>
    travel.call('TravelService', 'submitTravelNotification', request, actor).then((r: any) => r.notification);

  const trip = (memberId: string, departsInHours: number, over: Record<string, unknown> = {}) => ({
    memberId,
    destination: BALTIMORE,
    departsAt: new Date(Date.now() + departsInHours * HOUR).toISOString(),
    returnsAt: new Date(Date.now() + (departsInHours + 24) * HOUR).toISOString(),
    purpose: 'personal',
    ...over,
  });

  it('notes a late notice under "notify", raising travel-notice-late; then approves under "approve", refusing a stale If-Match', async () => {
    const m = (
      await svc.client.call(
        'MissionService',
        'registerMission',
        mission({ country: 'RU', name: 'Embassy of Russia' }),
        officer,
      )
    ).mission;
    const member = (
      await svc.client.call('MemberService', 'notifyAppointment', diplomat(m.id, { nationality: 'RU' }), officer)
    ).member;
    const clerk: Actor = { subject: 'clerk-ru', roles: ['mission-user'], missionId: m.id };

    const notifyVersion = await publishProfile({
      travelControls: 'notify',
      travelRadiusMiles: 25,
      travelLeadTimeHours: 24,
    });
    // The replica learns of the version over Kafka: wait until a decision names it.
    const late = await waitFor(
      async () => {
        const n = await submit(trip(member.id, 2), clerk);
        return n.profileVersion === notifyVersion ? n : undefined;
      },
      { timeoutMs: 90_000, what: 'the notify profile in the replica' },
    );
    expect(late).toMatchObject({
      status: 'noted',
      noticeRequired: true,
      approvalRequired: false,
      leadTimeMet: false,
      travelControls: 'notify',
      profileCountry: 'RU',
      centre: { name: 'the White House' },
      flagCodes: ['travel-notice-late'],
      version: 1,
    });
    expect(late.distanceMiles).toBeGreaterThan(30);
    expect(late.distanceMiles).toBeLessThan(40);

    const notified = await eventFor('gov.ofm.accreditation.travel.notified.v1', (v) => v.notification.id === late.id);
    expect(notified.message.key?.toString()).toBe(late.id);
    const flag = await eventFor('gov.ofm.compliance.flag.raised.v1', (v) => v.flag.memberId === member.id);
    expect(flag.value.flag).toMatchObject({
      reasonCode: 'travel-notice-late',
      program: 'travel',
      missionId: m.id,
      subjectType: 'member',
      subjectId: member.id,
    });
    const audit = await svc.pg.query('SELECT action FROM audit_record WHERE entity_id = $1', [late.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['travel.notified']);

    // In time, no flag.
    const inTime = await submit(trip(member.id, 48), clerk);
    expect(inTime).toMatchObject({ status: 'noted', leadTimeMet: true, flagCodes: [] });

    const approveVersion = await publishProfile({
      travelControls: 'approve',
      travelRadiusMiles: 25,
      travelLeadTimeHours: 24,
    });
    const pending = await waitFor(
      async () => {
        const n = await submit(trip(member.id, 72), clerk);
        return n.profileVersion === approveVersion ? n : undefined;
      },
      { timeoutMs: 90_000, what: 'the approve profile in the replica' },
    );
    expect(pending).toMatchObject({ status: 'pending-approval', approvalRequired: true, leadTimeMet: true });

    // The mission may not decide its own travel.
    const byClerk = await rpcError(
      travel.call(
        'TravelService',
        'decideTravelNotification',
        { id: pending.id, decision: 'approve', reason: 'x' },
        clerk,
      ),
    );
    expect(byClerk.problem.status).toBe(403);
    const stale = await rpcError(
      travel.call(
        'TravelService',
        'decideTravelNotification',
        { id: pending.id, decision: 'approve', reason: 'programme confirmed', expectedVersion: 2 },
        officer,
      ),
    );
    expect(stale.problem.status).toBe(409); // ABORTED: 409 at the gateway
    const approved = (
      await travel.call(
        'TravelService',
        'decideTravelNotification',
        { id: pending.id, decision: 'approve', reason: 'programme confirmed', expectedVersion: 1 },
        officer,
      )
    ).notification;
    expect(approved).toMatchObject({
      status: 'approved',
      decisionReason: 'programme confirmed',
      decidedBy: 'officer-1',
      version: 2,
    });
    const event = await eventFor('gov.ofm.accreditation.travel.approved.v1', (v) => v.notification.id === pending.id);
    expect(event.value).toMatchObject({ reason: 'programme confirmed', notification: { status: 'approved' } });
    // Decided once.
    const again = await rpcError(
      travel.call(
        'TravelService',
        'decideTravelNotification',
        { id: pending.id, decision: 'deny', reason: 'no' },
        officer,
      ),
    );
    expect(again.problem.status).toBe(409);

    // A mission user lists its own mission's notifications; a member of another mission is not found.
    const listed = (await travel.call(
      'TravelService',
      'listTravelNotifications',
      { memberId: member.id },
      clerk,
    )) as any;
    expect(listed.notifications.map((n: any) => n.id)).toEqual(
      expect.arrayContaining([late.id, inTime.id, pending.id]),
    );
    const other: Actor = { subject: 'clerk-fr', roles: ['mission-user'], missionId: randomUUID() };
    expect((await rpcError(submit(trip(member.id, 48), other))).problem.status).toBe(404);
    expect((await rpcError(travel.call('TravelService', 'getTravelNotification', { id: late.id }, other))).code).toBe(
      5,
    );

    // An officer records a trip made without notice; a mission user may not.
    // Departed an hour ago: the profile in force that day is today's (approve); a trip before the
    // profiles' effective day would fall under the default, which controls nothing.
    const past = {
      departsAt: new Date(Date.now() - HOUR).toISOString(),
      returnsAt: new Date(Date.now() + HOUR).toISOString(),
    };
    expect(
      (await rpcError(submit(trip(member.id, 0, { ...past, reportedByOfficer: true }), clerk))).problem.status,
    ).toBe(403);
    const reported = await submit(trip(member.id, 0, { ...past, reportedByOfficer: true }));
    expect(reported).toMatchObject({ status: 'noted', reportedByOfficer: true, flagCodes: ['travel-without-notice'] });
    // Bad dates name the field.
    const backwards = await rpcError(submit(trip(member.id, 48, { returnsAt: new Date(Date.now()).toISOString() })));
    expect(backwards.problem.status).toBe(422);
    expect(JSON.stringify(backwards)).toContain('returnsAt');
  });
});
