import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { accreditation, ALL_TOPICS, EVENT_TYPES, missions, TOPICS, type EventTypeSpec } from '@ofm/contracts';
import { encodeEvent, KafkaMessageBus } from '@ofm/messaging';
import { runMigrations } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import {
  createTestDatabase,
  ensureTestTopics,
  failureOf,
  freePort,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { startVehicles } from '../src/bootstrap';
import type { VehiclesConfig } from '../src/config';
import { createServiceDataSource } from '../src/data-source';
import { VehiclesMessaging } from '../src/infrastructure/vehicles-messaging';
import { InsuranceLapseSweep } from '../src/insurance/insurance-lapse.sweep';
import { addDays, isoDateOf } from '../src/shared/calendar';
import { createVehiclesClient, type VehiclesClient } from './vehicles-grpc.client';

// The vehicles service in-process on a fresh database and the real Kafka broker: accreditation's
// events are produced as accreditation's outbox relay would put them on the wire.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const auditor: Actor = { subject: 'auditor-1', roles: ['auditor'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = isoDateOf(new Date());
const usd = (amount: string) => ({ amount, currency: 'USD' });
const car = (vin: string) => ({ vin, make: 'Volvo', model: 'XC90', year: 2024, kind: 'car' });
const validPolicy = (vehicleId: string) => ({
  vehicleId,
  insurer: 'Acme Mutual',
  policyNumber: uniqueName('P'),
  effectiveDate: addDays(today, -30),
  expirationDate: addDays(today, 335),
  bodilyInjuryPerPerson: usd('100000.00'),
  bodilyInjuryPerAccident: usd('300000.00'),
  propertyDamage: usd('100000.00'),
});

// A fresh, valid VIN per call (17 characters, no I/O/Q).
let vinSerial = 0;
const newVin = (): string =>
  `1VW${randomUUID().replace(/-/g, '').toUpperCase().replace(/[IOQ]/g, '7').slice(0, 8)}${String(++vinSerial).padStart(6, '0')}`;

describe('vehicles service (PostgreSQL + Kafka)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: NestFastifyApplication;
  let client: VehiclesClient;
  let producer: KafkaMessageBus;
  let flagConsumer: Consumer;
  const flagsSeen: Array<{ id: string; subjectId: string; reasonCode: string; ceId: string }> = [];

  const missionA = randomUUID();
  const missionB = randomUUID();
  const notifiedMember = randomUUID();
  const diplomat = randomUUID();
  const staffer = randomUUID();
  const missionUserA: Actor = { subject: 'mission-a', roles: ['mission-user'], missionId: missionA };
  const missionUserB: Actor = { subject: 'mission-b', roles: ['mission-user'], missionId: missionB };

  const publish = async <T>(spec: EventTypeSpec<T>, subject: string, data: T, id = randomUUID(), time = new Date()) => {
    const message = encodeEvent({
      id,
      type: spec.type,
      source: '/ofm/accreditation',
      subject,
      time: time.toISOString(),
      data,
    });
    await producer.publish([{ topic: spec.topic, messages: [message] }]);
    return { id, message };
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
  const mission = (id: string, country: string, type = 'embassy') =>
    missions.Mission.fromJSON({ id, name: `Embassy ${country}`, country, type, status: 'active', version: 1 });
  const member = (id: string, missionId: string, fields: Record<string, unknown>) =>
    accreditation.Member.fromJSON({
      id,
      missionId,
      missionCountry: 'FR',
      givenName: 'Jeanne',
      familyName: 'Martin',
      category: 'diplomatic-agent',
      ...fields,
    });

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    await ensureTestTopics([...ALL_TOPICS]);
    db = await createTestDatabase('vehicles');
    const migrator = createServiceDataSource(db.url);
    await runMigrations(migrator);
    await migrator.destroy();

    const [grpcPort, httpPort] = await Promise.all([freePort(), freePort()]);
    const config: VehiclesConfig = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers(),
      GRPC_PORT: grpcPort,
      HTTP_PORT: httpPort,
      LOG_LEVEL: 'warn',
      INSURANCE_LAPSE_GRACE_DAYS: 0,
      // The test drives the sweep itself.
      INSURANCE_SWEEP_INTERVAL_MS: 0,
      // Never share partitions with a platform running on the same broker.
      KAFKA_CONSUMER_GROUP: uniqueName('ofm.vehicles.test'),
    };
    app = await startVehicles(config, { exitOnError: false });
    await app.get(VehiclesMessaging).ready();
    ds = createServiceDataSource(db.url);
    await ds.initialize();
    client = createVehiclesClient(`127.0.0.1:${grpcPort}`);

    producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'vehicles-int-test' });
    const kafka = new Kafka({
      clientId: 'vehicles-int-test-flags',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    flagConsumer = kafka.consumer({ groupId: uniqueName('vehicles-int-test-flags'), allowAutoTopicCreation: false });
    await flagConsumer.connect();
    await flagConsumer.subscribe({ topic: TOPICS.complianceFlag, fromBeginning: true });
    await flagConsumer.run({
      eachMessage: async ({ message }) => {
        if (message.headers?.ce_type?.toString() !== EVENT_TYPES.flagRaised.type) return;
        const { flag } = JSON.parse(message.value!.toString()) as {
          flag: { id: string; subjectId: string; reasonCode: string };
        };
        flagsSeen.push({ ...flag, ceId: message.headers.ce_id!.toString() });
      },
    });

    await publish(EVENT_TYPES.missionRegistered, missionA, { mission: mission(missionA, 'FR') });
    await publish(EVENT_TYPES.missionRegistered, missionB, { mission: mission(missionB, 'BT') });
    await publish(EVENT_TYPES.memberNotified, notifiedMember, {
      member: member(notifiedMember, missionA, { status: 'notified', version: 1 }),
    });
    await publish(EVENT_TYPES.memberAccredited, diplomat, {
      member: member(diplomat, missionA, { status: 'accredited', immunityLevel: 'full', version: 2 }),
    });
    const last = await publish(EVENT_TYPES.memberAccredited, staffer, {
      member: member(staffer, missionB, {
        status: 'accredited',
        category: 'administrative-technical',
        immunityLevel: 'full-criminal',
        version: 2,
        missionCountry: 'BT',
      }),
    });
    await processed(last.id);
  }, 120_000);

  afterAll(async () => {
    await flagConsumer?.disconnect();
    await producer?.disconnect();
    client?.close();
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  }, 60_000);

  it('builds the replica of members and missions from accreditation events', async () => {
    await waitFor(
      async () => ((await ds.query(`SELECT 1 FROM mission_replica WHERE id = $1`, [missionB])) as unknown[]).length > 0,
      { what: 'mission B in the replica' },
    );
    // Member events travel on their own topic, in no fixed order with the mission events: the expectation
    // is retried until the replica has caught up (waitFor retries while the probe throws).
    await waitFor(
      async () => {
        const rows = (await ds.query(
          `SELECT id, status, category, mission_id FROM member_replica ORDER BY status`,
        )) as Array<Record<string, string>>;
        expect(rows).toEqual(
          expect.arrayContaining([
            { id: diplomat, status: 'accredited', category: 'diplomatic-agent', mission_id: missionA },
            { id: notifiedMember, status: 'notified', category: 'diplomatic-agent', mission_id: missionA },
            { id: staffer, status: 'accredited', category: 'administrative-technical', mission_id: missionB },
          ]),
        );
        return true;
      },
      { what: 'the members in the replica' },
    );
  });

  it('never lets an older event overwrite a newer state', async () => {
    const stale = await publish(
      EVENT_TYPES.memberNotified,
      diplomat,
      { member: member(diplomat, missionA, { status: 'notified', version: 1 }) },
      randomUUID(),
      new Date(Date.now() - 3_600_000),
    );
    await processed(stale.id);
    const [row] = (await ds.query(`SELECT status, version FROM member_replica WHERE id = $1`, [diplomat])) as Array<
      Record<string, unknown>
    >;
    expect(row).toEqual({ status: 'accredited', version: 2 });
  });

  it('refuses a member who is not accredited with the rule owner-not-accredited', async () => {
    const failure = await failureOf(
      client.call('registerVehicle', { ownerMemberId: notifiedMember, ...car(newVin()) }, officer),
    );
    expect(failure.code).toBe(status.FAILED_PRECONDITION);
    expect(failure.problem).toMatchObject({ status: 422, rule: 'owner-not-accredited' });
  });

  it('answers a malformed request with INVALID_ARGUMENT naming the fields', async () => {
    const failure = await failureOf(
      client.call(
        'registerVehicle',
        { ownerMemberId: diplomat, vin: 'SHORT', make: '', model: 'X', year: 2024, kind: 'boat' },
        officer,
      ),
    );
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.problem.errors.map((e: { field: string }) => e.field)).toEqual(['vin', 'make', 'kind']);
  });

  describe('a registered car', () => {
    let vehicleId: string;
    let plate: string;

    beforeAll(async () => {
      const { vehicle } = await client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()) }, officer);
      vehicleId = vehicle.id;
      plate = vehicle.plate;
    }, 30_000);

    it('is created pending insurance, with a D plate carrying the OFM code of France', async () => {
      const { vehicle } = await client.call('getVehicle', { id: vehicleId }, auditor);
      expect(vehicle).toMatchObject({
        ownerMemberId: diplomat,
        missionId: missionA,
        kind: 'car',
        insuranceStatus: 'uninsured',
        version: 1,
        registration: { status: 'pending-insurance', registeredOn: today },
      });
      // FR → EA in the seeded table: the country code is OFM's, not the ISO code.
      expect(plate).toMatch(/^DEA\d{4}$/);
      expect(vehicle.registration.expiresOn > today).toBe(true);
    });

    it('refuses insurance below the minimum, naming the limit', async () => {
      const failure = await failureOf(
        client.call(
          'addInsurancePolicy',
          { ...validPolicy(vehicleId), bodilyInjuryPerAccident: usd('250000.00') },
          officer,
        ),
      );
      expect(failure.code).toBe(status.FAILED_PRECONDITION);
      expect(failure.problem).toMatchObject({
        status: 422,
        rule: 'insurance-minimum',
        errors: [{ field: 'bodilyInjuryPerAccident', message: 'must be at least 300000.00 USD for a car' }],
      });
    });

    it('refuses a non-USD limit as a validation error', async () => {
      const failure = await failureOf(
        client.call(
          'addInsurancePolicy',
          { ...validPolicy(vehicleId), propertyDamage: { amount: '100000.00', currency: 'EUR' } },
          officer,
        ),
      );
      expect(failure.code).toBe(status.INVALID_ARGUMENT);
      expect(failure.problem.errors).toEqual([{ field: 'propertyDamage.currency', message: 'must be USD' }]);
    });

    it('refuses a binder that runs less than 30 days, naming the rule', async () => {
      const failure = await failureOf(
        client.call(
          'addInsurancePolicy',
          { ...validPolicy(vehicleId), proofType: 'binder', expirationDate: addDays(today, -1) },
          officer,
        ),
      );
      expect(failure.code).toBe(status.FAILED_PRECONDITION);
      expect(failure.problem).toMatchObject({
        status: 422,
        rule: 'insurance-binder-duration',
        errors: [{ field: 'expirationDate', message: 'a binder must be valid for at least 30 days' }],
      });
    });

    it('refuses an unknown proof type as a validation error', async () => {
      const failure = await failureOf(
        client.call('addInsurancePolicy', { ...validPolicy(vehicleId), proofType: 'letter' }, officer),
      );
      expect(failure.code).toBe(status.INVALID_ARGUMENT);
      expect(failure.problem.errors).toEqual([
        { field: 'proofType', message: 'must be one of binder, certificate, declarations-page' },
      ]);
    });

    it('refuses insurance against a stale vehicle version (If-Match) with ABORTED', async () => {
      const failure = await failureOf(
        client.call('addInsurancePolicy', { ...validPolicy(vehicleId), expectedVersion: 7 }, officer),
      );
      expect(failure.code).toBe(status.ABORTED);
      expect(failure.problem.status).toBe(409);
      const { policies } = await client.call('listInsurancePolicies', { vehicleId }, auditor);
      expect(policies).toHaveLength(0);
    });

    it('becomes active with valid insurance, and records the events and the audit in one go', async () => {
      const response = await client.call(
        'addInsurancePolicy',
        { ...validPolicy(vehicleId), proofType: 'binder', expectedVersion: 1 },
        officer,
      );
      expect(response.vehicle).toMatchObject({
        registration: { status: 'active' },
        insuranceStatus: 'insured',
        version: 2,
      });
      expect(response.policy).toMatchObject({
        vehicleId,
        proofType: 'binder',
        bodilyInjuryPerAccident: usd('300000.00'),
        combinedSingleLimit: null,
      });
      const types = (await ds.query(`SELECT type FROM outbox_event WHERE subject = $1 ORDER BY seq`, [
        vehicleId,
      ])) as Array<{ type: string }>;
      expect(types.map((t) => t.type)).toEqual([
        EVENT_TYPES.vehicleRegistered.type,
        EVENT_TYPES.insuranceRecorded.type,
        EVENT_TYPES.registrationActivated.type,
      ]);
      const audits = (await ds.query(`SELECT action FROM audit_record WHERE entity_id = $1 ORDER BY occurred_at`, [
        vehicleId,
      ])) as Array<{ action: string }>;
      expect(audits.map((a) => a.action)).toEqual(['vehicle.registered', 'registration.activated']);
      const { policies } = await client.call('listInsurancePolicies', { vehicleId }, auditor);
      expect(policies).toHaveLength(1);
      expect(policies[0].proofType).toBe('binder');
    });

    it('is verified by plate for law enforcement, and the verification is audited', async () => {
      const answer = await client.call(
        'verifyPlate',
        { plate: `${plate.slice(0, 1)}-${plate.slice(1, 3)} ${plate.slice(3)}`.toLowerCase() },
        police,
      );
      // The mission comes from the replica: no second lookup in accreditation.
      expect(answer).toMatchObject({
        vehicle: { id: vehicleId, plate, ownerMemberId: diplomat },
        missionName: 'Embassy FR',
        missionCountry: 'FR',
      });
      const audits = (await ds.query(
        `SELECT actor_subject FROM audit_record WHERE action = 'plate.verified' AND entity_id = $1`,
        [vehicleId],
      )) as unknown[];
      expect(audits).toEqual([{ actor_subject: 'police-1' }]);
      expect((await failureOf(client.call('verifyPlate', { plate: 'DEA9999' }, police))).code).toBe(status.NOT_FOUND);
    });
  });

  describe('roles and missions', () => {
    it('lets a mission user register for its own mission and hides other missions as not found', async () => {
      const own = await client.call(
        'registerVehicle',
        { ownerMemberId: diplomat, ...car(newVin()), kind: 'motorcycle' },
        missionUserA,
      );
      expect(own.vehicle).toMatchObject({ missionId: missionA, registration: { status: 'pending-insurance' } });

      const otherMember = await failureOf(
        client.call('registerVehicle', { ownerMemberId: staffer, ...car(newVin()) }, missionUserA),
      );
      expect(otherMember.code).toBe(status.NOT_FOUND);
      const otherMission = await failureOf(
        client.call('registerVehicle', { ownerMissionId: missionB, ...car(newVin()) }, missionUserA),
      );
      expect(otherMission.code).toBe(status.NOT_FOUND);
      const otherVehicle = await failureOf(client.call('getVehicle', { id: own.vehicle.id }, missionUserB));
      expect(otherVehicle.code).toBe(status.NOT_FOUND);
      const otherInsurance = await failureOf(
        client.call('addInsurancePolicy', validPolicy(own.vehicle.id), missionUserB),
      );
      expect(otherInsurance.code).toBe(status.NOT_FOUND);
    });

    it('gives a mission-owned vehicle the mission letter and a new country its next free code', async () => {
      const { vehicle } = await client.call(
        'registerVehicle',
        { ownerMissionId: missionB, ...car(newVin()), kind: 'trailer' },
        officer,
      );
      // Bhutan is not in the seed: it gets a code now, and a trailer needs no insurance.
      const [row] = (await ds.query(`SELECT code FROM plate_country_code WHERE country = 'BT'`)) as Array<{
        code: string;
      }>;
      expect(vehicle.plate).toBe(`D${row!.code}0001`);
      expect(row!.code).not.toBe('BT');
      expect(vehicle.registration.status).toBe('active');
      // A mission-owned vehicle is verified with its mission's name and country.
      const verified = await client.call('verifyPlate', { plate: vehicle.plate }, police);
      expect(verified).toMatchObject({
        vehicle: { ownerMissionId: missionB, ownerMemberId: '' },
        missionName: 'Embassy BT',
        missionCountry: 'BT',
      });
    });

    it('scopes lists to the mission user and pages with a cursor', async () => {
      const mine = await client.call('listVehicles', { page: { limit: 1 } }, missionUserB);
      expect(mine.vehicles.every((v: { missionId: string }) => v.missionId === missionB)).toBe(true);
      const all = await client.call('listVehicles', { missionId: missionA, page: { limit: 1 } }, officer);
      expect(all.vehicles).toHaveLength(1);
      expect(all.nextCursor).not.toBe('');
      const next = await client.call(
        'listVehicles',
        { missionId: missionA, page: { limit: 1, cursor: all.nextCursor } },
        officer,
      );
      expect(next.vehicles[0].id).not.toBe(all.vehicles[0].id);
      expect((await failureOf(client.call('listVehicles', { missionId: missionA }, missionUserB))).code).toBe(
        status.PERMISSION_DENIED,
      );
      expect((await failureOf(client.call('listVehicles', { page: { limit: 501 } }, officer))).code).toBe(
        status.INVALID_ARGUMENT,
      );
    });

    it('refuses roles that may not', async () => {
      expect(
        (await failureOf(client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()) }, auditor))).code,
      ).toBe(status.PERMISSION_DENIED);
      expect(
        (await failureOf(client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()) }, police))).code,
      ).toBe(status.PERMISSION_DENIED);
      expect((await failureOf(client.call('verifyPlate', { plate: 'DEA0001' }, missionUserA))).code).toBe(
        status.PERMISSION_DENIED,
      );
      expect((await failureOf(client.call('verifyPlate', { plate: 'DEA0001' }, auditor))).code).toBe(
        status.PERMISSION_DENIED,
      );
      expect((await failureOf(client.call('listVehicles', {}, police))).code).toBe(status.PERMISSION_DENIED);
      expect((await failureOf(client.call('getVehicle', { id: randomUUID() }))).code).toBe(status.UNAUTHENTICATED);
    });
  });

  it('suspends a registration whose insurance lapsed, with lapse and flag events', async () => {
    const { vehicle } = await client.call('registerVehicle', { ownerMemberId: staffer, ...car(newVin()) }, officer);
    await client.call(
      'addInsurancePolicy',
      { ...validPolicy(vehicle.id), expirationDate: addDays(today, 10) },
      officer,
    );
    const sweep = app.get(InsuranceLapseSweep);
    expect(await sweep.sweep(addDays(today, 9))).toEqual({ lapsed: 0, suspended: 0 });
    const result = await sweep.sweep(addDays(today, 10));
    expect(result.suspended).toBeGreaterThanOrEqual(1);
    const { vehicle: after } = await client.call('getVehicle', { id: vehicle.id }, officer);
    expect(after).toMatchObject({ registration: { status: 'suspended' }, insuranceStatus: 'lapsed' });
    const events = (await ds.query(
      `SELECT type, payload FROM outbox_event WHERE subject = $1 OR payload->'flag'->>'subjectId' = $1 ORDER BY seq`,
      [vehicle.id],
    )) as Array<{ type: string; payload: any }>;
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        EVENT_TYPES.insuranceLapsed.type,
        EVENT_TYPES.registrationSuspended.type,
        EVENT_TYPES.flagRaised.type,
      ]),
    );
    expect(events.find((e) => e.type === EVENT_TYPES.flagRaised.type)!.payload.flag).toMatchObject({
      reasonCode: 'insurance-lapse',
      subjectType: 'vehicle',
    });
    // A second pass on the same day finds nothing more to do.
    expect(await sweep.sweep(addDays(today, 10))).toEqual({ lapsed: 0, suspended: 0 });

    // New insurance reactivates the registration and clears the lapse flag, but only once it covers
    // today: the service's today is the real one, so the registration is suspended in the database first.
    await ds.query(`UPDATE insurance_policy SET expiration_date = $2 WHERE vehicle_id = $1`, [
      vehicle.id,
      addDays(today, -1),
    ]);
    const restored = await client.call('addInsurancePolicy', validPolicy(vehicle.id), officer);
    expect(restored.vehicle).toMatchObject({ registration: { status: 'active' }, insuranceStatus: 'insured' });
    const cleared = (await ds.query(
      `SELECT payload FROM outbox_event WHERE type = $1 AND payload->'flag'->>'subjectId' = $2`,
      [EVENT_TYPES.flagCleared.type, vehicle.id],
    )) as Array<{ payload: any }>;
    expect(cleared).toHaveLength(1);
    expect(cleared[0]!.payload.flag.id).toBe(
      events.find((e) => e.type === EVENT_TYPES.flagRaised.type)!.payload.flag.id,
    );
  });

  it('makes the vehicles of a terminated member disposal-due, flags them once, even when the event is redelivered', async () => {
    const { vehicle } = await client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()) }, officer);
    const terminated = await publish(EVENT_TYPES.memberTerminated, diplomat, {
      member: member(diplomat, missionA, { status: 'terminated', version: 3, terminationReason: 'end of assignment' }),
      principalId: '',
    });
    await processed(terminated.id);
    const { vehicle: after } = await client.call('getVehicle', { id: vehicle.id }, officer);
    expect(after.registration.status).toBe('disposal-due');

    const flag = await waitFor(() => flagsSeen.find((f) => f.subjectId === vehicle.id), {
      timeoutMs: 60_000,
      what: 'the disposal-due flag on ofm.compliance.flag.v1',
    });
    expect(flag.reasonCode).toBe('disposal-due');

    // Redeliver the very same message (same ce_id), then a later event on the same key/partition:
    // once that one is processed, the duplicate before it has been seen and skipped.
    await producer.publish([{ topic: TOPICS.member, messages: [terminated.message] }]);
    const sentinel = await publish(EVENT_TYPES.memberRefused, diplomat, {
      member: member(diplomat, missionA, { status: 'refused', version: 1 }),
      failedCriteria: [],
    });
    await processed(sentinel.id);

    const flags = (await ds.query(
      `SELECT 1 FROM outbox_event WHERE type = $1 AND payload->'flag'->>'subjectId' = $2 AND payload->'flag'->>'reasonCode' = 'disposal-due'`,
      [EVENT_TYPES.flagRaised.type, vehicle.id],
    )) as unknown[];
    expect(flags).toHaveLength(1);
    const audits = (await ds.query(
      `SELECT 1 FROM audit_record WHERE action = 'registration.disposal-due' AND entity_id = $1`,
      [vehicle.id],
    )) as unknown[];
    expect(audits).toHaveLength(1);
    const [replica] = (await ds.query(`SELECT status FROM member_replica WHERE id = $1`, [diplomat])) as Array<{
      status: string;
    }>;
    expect(replica!.status).toBe('terminated');
    // Every registration of the member not yet disposed is due, whatever its status was.
    const statuses = (await ds.query(`SELECT DISTINCT registration_status FROM vehicle WHERE owner_member_id = $1`, [
      diplomat,
    ])) as Array<{
      registration_status: string;
    }>;
    expect(statuses).toEqual([{ registration_status: 'disposal-due' }]);
    // Each of the member's vehicles is flagged exactly once.
    const [counts] = (await ds.query(
      `SELECT (SELECT count(*)::int FROM vehicle WHERE owner_member_id = $2) AS vehicles,
              (SELECT count(*)::int FROM outbox_event WHERE type = $1 AND payload->'flag'->>'reasonCode' = 'disposal-due') AS flags`,
      [EVENT_TYPES.flagRaised.type, diplomat],
    )) as Array<{ vehicles: number; flags: number }>;
    expect(counts!.vehicles).toBeGreaterThan(1);
    expect(counts!.flags).toBe(counts!.vehicles);
  });
});
