import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  accreditation,
  ALL_TOPICS,
  EVENT_TYPES,
  missions,
  PROTO_FILES,
  TOPICS,
  type EventTypeSpec,
} from '@ofm/contracts';
import { addDays, ofmDay } from '@ofm/kernel';
import { encodeEvent, KafkaMessageBus, MessagingService } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import { actorToMetadata, type Actor } from '@ofm/platform';
import {
  CONSUMED_TOPICS,
  createGrpcTestClient,
  createTestDatabase,
  ensureTestTopics,
  failureOf,
  freePort,
  startGroupAtEnd,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { startVehicles } from '../src/bootstrap';
import { loadVehiclesConfig } from '../src/config';
import { vehiclesDatabase } from '../src/data-source';
import { commitVehicleChange } from '../src/partner/commit-with-partner-notices';

// Driver licences on a fresh database and the real broker: accreditation's events are produced as
// its relay would; what vehicles publishes is read back from Kafka.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = ofmDay(new Date());
const nextYear = addDays(today, 365);

interface Seen {
  topic: string;
  type: string;
  subject: string;
  data: any;
}

describe('driver licences (PostgreSQL + Kafka)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: NestFastifyApplication;
  let producer: KafkaMessageBus;
  let consumer: Consumer;
  let licences: ReturnType<typeof createGrpcTestClient<Actor, 'LicenceService'>>;
  const seen: Seen[] = [];
  const call = <T = any>(method: string, request: unknown, actor: Actor = officer): Promise<T> =>
    licences.call('LicenceService', method, request, actor) as Promise<T>;

  const missionA = randomUUID();
  const driver = randomUUID();
  const speeder = randomUUID();
  const drunk = randomUUID();
  const leaver = randomUUID();
  const notified = randomUUID();

  const publish = async <T>(spec: EventTypeSpec<T>, subject: string, data: T) => {
    const id = randomUUID();
    const message = encodeEvent({
      id,
      type: spec.type,
      source: '/ofm/accreditation',
      subject,
      time: new Date().toISOString(),
      data,
    });
    await producer.publish([{ topic: spec.topic, messages: [message] }]);
    return id;
  };
  const processed = (eventId: string) =>
    waitFor(
      async () =>
        ((await ds.query(`SELECT 1 FROM inbox_event WHERE event_id = $1`, [eventId])) as unknown[]).length > 0,
      {
        timeoutMs: 60_000,
        what: `event ${eventId} in the inbox`,
      },
    );
  const member = (id: string, fields: Record<string, unknown>) =>
    accreditation.Member.fromJSON({
      id,
      missionId: missionA,
      missionCountry: 'FR',
      givenName: 'Claire',
      familyName: 'Moreau',
      category: 'diplomatic-agent',
      status: 'accredited',
      immunityLevel: 'full',
      version: 2,
      ...fields,
    });
  const issue = async (memberId: string) =>
    (
      await call('issueLicence', {
        memberId,
        licenceClass: 'C',
        restrictions: ['corrective lenses'],
        expiresOn: nextYear,
      })
    ).licence;
  const violation = (licenceId: string, points: number, fields: Record<string, unknown> = {}) =>
    call('recordViolation', {
      licenceId,
      date: today,
      code: 'T-SPEED',
      points,
      dui: false,
      testRefused: false,
      ...fields,
    });
  const eventsOf = (type: string, subject: string) => seen.filter((e) => e.type === type && e.subject === subject);

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    await ensureTestTopics([...ALL_TOPICS]);
    db = await createTestDatabase('vehicles');
    const migrator = serviceDataSource(vehiclesDatabase, { url: db.url });
    await runMigrations(migrator);
    await migrator.destroy();
    const [grpcPort, httpPort] = await Promise.all([freePort(), freePort()]);
    const group = uniqueName('ofm.vehicles.licence-test');
    await startGroupAtEnd(group, CONSUMED_TOPICS.vehicles);
    app = await startVehicles(
      loadVehiclesConfig({
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        GRPC_PORT: String(grpcPort),
        HTTP_PORT: String(httpPort),
        LOG_LEVEL: 'warn',
        INSURANCE_SWEEP_INTERVAL_MS: '0',
        LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: '180',
        KAFKA_CONSUMER_GROUP: group,
      }),
      { exitOnError: false },
    );
    await app.get(MessagingService).ready();
    ds = serviceDataSource(vehiclesDatabase, { url: db.url });
    await ds.initialize();
    licences = createGrpcTestClient<Actor, 'LicenceService'>({
      address: `127.0.0.1:${grpcPort}`,
      protoFiles: [PROTO_FILES.licence],
      protoPackage: 'ofm.vehicles.v1',
      metadataOf: actorToMetadata,
    });

    producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'licence-int-test' });
    const topics = [TOPICS.licence, TOPICS.complianceFlag, TOPICS.partnerDmv, TOPICS.partnerLawEnforcement];
    const readers = uniqueName('licence-int-test-readers');
    await startGroupAtEnd(readers, topics);
    consumer = new Kafka({
      clientId: 'licence-int-test-readers',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({
      groupId: readers,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({
          topic,
          type: message.headers!.ce_type!.toString(),
          subject: message.headers!.ce_subject!.toString(),
          data: JSON.parse(message.value!.toString()),
        });
      },
    });

    await publish(EVENT_TYPES.missionRegistered, missionA, {
      mission: missions.Mission.fromJSON({
        id: missionA,
        name: 'Embassy of France',
        country: 'FR',
        type: 'embassy',
        status: 'active',
        version: 1,
      }),
    });
    await publish(EVENT_TYPES.memberNotified, notified, {
      member: member(notified, { status: 'notified', version: 1 }),
    });
    for (const id of [driver, speeder, drunk])
      await publish(EVENT_TYPES.memberAccredited, id, { member: member(id, {}) });
    await processed(await publish(EVENT_TYPES.memberAccredited, leaver, { member: member(leaver, {}) }));
  }, 120_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    licences?.close();
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  }, 60_000);

  it('issues a licence to an accredited member only, once', async () => {
    const licence = await issue(driver);
    expect(licence).toMatchObject({
      number: expect.stringMatching(/^L\d{9}$/),
      memberId: driver,
      missionId: missionA,
      licenceClass: 'C',
      restrictions: ['corrective lenses'],
      expiresOn: nextYear,
      status: 'valid',
      points: 0,
      pointsStanding: 'clear',
    });
    expect((await failureOf(issue(driver))).problem).toMatchObject({ status: 409 });
    const refused = await failureOf(issue(notified));
    expect(refused.problem).toMatchObject({ status: 422, rule: 'member-not-accredited' });
    expect(await failureOf(issue(randomUUID()))).toMatchObject({ code: status.NOT_FOUND });
    await waitFor(() => eventsOf(EVENT_TYPES.licenceIssued.type, licence.id).length === 1 || undefined, {
      timeoutMs: 30_000,
      what: 'licence.issued on the licence topic',
    });
  });

  it('raises one points-threshold flag at 8 points and suspends at 12 with one event', async () => {
    const licence = await issue(speeder);
    expect((await violation(licence.id, 4)).licence).toMatchObject({
      points: 4,
      pointsStanding: 'clear',
      status: 'valid',
    });
    expect((await violation(licence.id, 4)).licence).toMatchObject({
      points: 8,
      pointsStanding: 'review',
      status: 'valid',
    });
    expect((await violation(licence.id, 2)).licence).toMatchObject({ points: 10, pointsStanding: 'review' });
    const suspended = (await violation(licence.id, 2)).licence;
    expect(suspended).toMatchObject({
      points: 12,
      pointsStanding: 'suspension',
      status: 'suspended',
      // All four violations are today's: the points fall below 12 when they drop out, two years on.
      suspension: { reason: 'points', startsOn: today, endsOn: addDays(droppedIn2Years(today), -1) },
    });
    const flags = await waitFor(
      () => {
        const raised = seen.filter((e) => e.type === EVENT_TYPES.flagRaised.type && e.data.flag?.subjectId === speeder);
        return raised.length > 0 ? raised : undefined;
      },
      { timeoutMs: 30_000, what: 'the points-threshold flag' },
    );
    const suspendedEvents = await waitFor(
      () => {
        const events = eventsOf(EVENT_TYPES.licenceSuspended.type, licence.id);
        return events.length > 0 ? events : undefined;
      },
      { timeoutMs: 30_000, what: 'licence.suspended' },
    );
    // Give a duplicate the time to show up: there is none.
    await new Promise((r) => setTimeout(r, 1000));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.data.flag).toMatchObject({
      reasonCode: 'points-threshold',
      memberId: speeder,
      missionId: missionA,
    });
    expect(eventsOf(EVENT_TYPES.licenceSuspended.type, licence.id)).toHaveLength(1);
    expect(suspendedEvents[0]!.data.suspension).toMatchObject({ reason: 'points', startsOn: today });
    expect(eventsOf(EVENT_TYPES.violationRecorded.type, licence.id)).toHaveLength(4);
  });

  it('suspends for a DUI with a refused test for the configured days, and refuses a refusal without DUI', async () => {
    const licence = await issue(drunk);
    const bad = await failureOf(violation(licence.id, 0, { testRefused: true }));
    expect(bad.problem.errors).toEqual([
      { field: 'testRefused', message: 'a refused test is recorded with dui: true' },
    ]);
    const { licence: after } = await violation(licence.id, 0, { code: 'DUI', dui: true, testRefused: true });
    expect(after).toMatchObject({
      status: 'suspended',
      points: 0,
      suspension: { reason: 'dui-test-refused', startsOn: today, endsOn: addDays(today, 179) },
    });
  });

  it('answers a trooper with status, points standing, name and mission, and audits it', async () => {
    const licence = (
      await call('getLicence', { id: (await ds.query(`SELECT id FROM licence WHERE member_id = $1`, [speeder]))[0].id })
    ).licence;
    const { verification } = await call('verifyLicence', { number: licence.number.toLowerCase() }, police);
    expect(verification).toMatchObject({
      status: 'suspended',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      licence: { number: licence.number, points: 12, pointsStanding: 'suspension' },
    });
    expect(JSON.stringify(verification)).not.toMatch(/dateOfBirth|address|memberId/i);
    expect((await call('verifyLicence', { number: 'L999999999' }, police)).verification).toMatchObject({
      status: 'unknown',
    });
    const audits = (await ds.query(
      `SELECT action, entity_id FROM audit_record WHERE action = 'licence.verified' ORDER BY occurred_at`,
    )) as Array<{
      action: string;
      entity_id: string;
    }>;
    expect(audits.map((a) => a.entity_id)).toEqual([licence.id, 'L999999999']);
    // Law enforcement verifies; it does not record violations.
    const denied = await failureOf(
      call('recordViolation', { licenceId: licence.id, date: today, code: 'X', points: 1 }, police),
    );
    expect(denied.code).toBe(status.PERMISSION_DENIED);
  });

  it('ends the licence with the appointment, once, however often the termination arrives', async () => {
    const licence = await issue(leaver);
    const terminated = {
      member: member(leaver, { status: 'terminated', version: 3, terminationEffectiveDate: today }),
      principalId: '',
    };
    await processed(await publish(EVENT_TYPES.memberTerminated, leaver, terminated));
    await processed(await publish(EVENT_TYPES.memberTerminated, leaver, terminated));
    const { licence: after } = await call('getLicence', { id: licence.id });
    expect(after).toMatchObject({ status: 'ended', endedOn: today });
    const { verification } = await call('verifyLicence', { number: licence.number }, police);
    expect(verification.status).toBe('terminated');
    await waitFor(() => eventsOf(EVENT_TYPES.licenceEnded.type, licence.id).length > 0 || undefined, {
      timeoutMs: 30_000,
      what: 'licence.ended',
    });
    expect(eventsOf(EVENT_TYPES.licenceEnded.type, licence.id)).toHaveLength(1);
    expect(eventsOf(EVENT_TYPES.licenceEnded.type, licence.id)[0]!.data).toMatchObject({
      reason: 'holder-terminated',
      licence: { number: licence.number, status: 'ended' },
    });
  });

  it('puts a registration change and its partner notices on the outbox in one transaction', async () => {
    const vehicleId = randomUUID();
    const vin = `1HGCM8263${String(Date.now()).slice(-8)}`;
    const vehicle = {
      id: vehicleId,
      ownerMemberId: driver,
      vin,
      make: 'Toyota',
      model: 'Camry',
      year: 2024,
      kind: 'car',
      plate: 'DFR9001',
      registration: { status: 'suspended', expiresOn: nextYear, registeredOn: today },
      insuranceStatus: 'lapsed',
      version: 2,
      missionId: missionA,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      replacedPlates: [],
      titles: [],
    };
    await ds.transaction((em) =>
      commitVehicleChange(em, {
        actor: { subject: 'system:vehicles', roles: [] },
        action: 'registration.suspended',
        entity: { type: 'vehicle', id: vehicleId },
        before: null,
        after: null,
        events: [
          { type: EVENT_TYPES.insuranceLapsed, subject: vehicleId, data: { vehicle, lapsedOn: today } },
          {
            type: EVENT_TYPES.registrationSuspended,
            subject: vehicleId,
            data: { vehicle, reason: 'insurance-lapsed' },
          },
        ],
      }),
    );
    const dmv = await waitFor(
      () => {
        const events = seen.filter((e) => e.topic === TOPICS.partnerDmv && e.subject === vin);
        return events.length === 2 ? events : undefined;
      },
      { timeoutMs: 30_000, what: 'two DMV notices' },
    );
    expect(dmv.map((e) => e.data.change)).toEqual(['insurance-lapsed', 'registration-suspended']);
    expect(Object.keys(dmv[1]!.data).sort()).toEqual(
      [
        'change',
        'effectiveOn',
        'insuranceStatus',
        'make',
        'model',
        'plate',
        'registrationExpiresOn',
        'registrationStatus',
        'vin',
        'year',
      ].sort(),
    );
    const plate = await waitFor(
      () => seen.find((e) => e.topic === TOPICS.partnerLawEnforcement && e.subject === 'DFR9001'),
      {
        timeoutMs: 30_000,
        what: 'the plate notice',
      },
    );
    expect(plate.data).toEqual({
      change: 'suspended',
      plate: 'DFR9001',
      vin,
      status: 'suspended',
      mission: 'Embassy of France',
      effectiveOn: today,
    });
    expect(JSON.stringify([...dmv, plate])).not.toContain(driver);

    // Rolled back: neither the change's events nor its notices exist.
    await expect(
      ds.transaction(async (em) => {
        await commitVehicleChange(em, {
          actor: { subject: 'system:vehicles', roles: [] },
          action: 'registration.activated',
          entity: { type: 'vehicle', id: vehicleId },
          before: null,
          after: null,
          events: [{ type: EVENT_TYPES.registrationActivated, subject: vehicleId, data: { vehicle } }],
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE key = $1`, [vin])).toEqual([{ n: 2 }]);
  });
});

// The first day a violation of `day` no longer counts (points.rules droppedOn, for a non-leap day).
const droppedIn2Years = (day: string): string => `${Number(day.slice(0, 4)) + 2}${day.slice(4)}`;
