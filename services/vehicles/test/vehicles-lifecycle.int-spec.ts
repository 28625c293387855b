import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { accreditation, ALL_TOPICS, EVENT_TYPES, missions, reciprocity, type EventTypeSpec } from '@ofm/contracts';
import { addDays, addYears, ofmDay } from '@ofm/kernel';
import { encodeEvent, KafkaMessageBus, MessagingService } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import { defaultProfile } from '@ofm/reciprocity';
import {
  CONSUMED_TOPICS,
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
import type { DataSource } from 'typeorm';
import { startVehicles } from '../src/bootstrap';
import { loadVehiclesConfig } from '../src/config';
import { vehiclesDatabase } from '../src/data-source';
import { DisposalOverdueSweep } from '../src/disposal/disposal-overdue.sweep';
import { createVehiclesClient, type VehiclesClient } from './vehicles-grpc.client';

// A registration's life after issue (issue 9) on a fresh database and the real Kafka broker: who is
// kept out, the reciprocity limit from the replicated profile, renewal, plate replacement, the title
// ledger, and disposal with its due date, overdue flag and surcharge.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = ofmDay(new Date());
let vinSerial = 0;
const newVin = (): string =>
  `WVW${randomUUID().replace(/-/g, '').toUpperCase().replace(/[IOQ]/g, '7').slice(0, 8)}${String(++vinSerial).padStart(6, '0')}`;
const car = () => ({ vin: newVin(), make: 'Volvo', model: 'XC90', year: 2024, kind: 'car' });

describe('vehicles: exclusions, limits, renewal, plates, titles and disposal (PostgreSQL + Kafka)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: NestFastifyApplication;
  let client: VehiclesClient;
  let producer: KafkaMessageBus;

  // DE: the default profile (one tax-free vehicle per member); RU: a surcharge on disposals.
  const missionDE = randomUUID();
  const missionRU = randomUUID();
  const diplomatDE = randomUUID();
  const diplomatRU = randomUUID();
  const usCitizen = randomUUID();
  const honoraryConsul = randomUUID();

  const publish = async <T>(spec: EventTypeSpec<T>, subject: string, data: T) => {
    const id = randomUUID();
    const message = encodeEvent({
      id,
      type: spec.type,
      source: '/ofm/test',
      subject,
      time: new Date().toISOString(),
      data,
    });
    await producer.publish([{ topic: spec.topic, messages: [message] }]);
    return id;
  };
  const processed = (eventId: string) =>
    waitFor(
      async () => ((await ds.query(`SELECT 1 FROM inbox_event WHERE event_id = $1`, [eventId])) as []).length > 0,
      {
        timeoutMs: 60_000,
        what: `event ${eventId} in the inbox`,
      },
    );
  const member = (id: string, missionId: string, missionCountry: string, fields: Record<string, unknown> = {}) =>
    accreditation.Member.fromJSON({
      id,
      missionId,
      missionCountry,
      givenName: 'Jeanne',
      familyName: 'Martin',
      category: 'diplomatic-agent',
      status: 'accredited',
      immunityLevel: 'full',
      version: 2,
      ...fields,
    });
  const register = (ownerMemberId: string) =>
    client.call('registerVehicle', { ownerMemberId, ...car() }, officer).then((r) => r.vehicle);
  const outbox = (subject: string, type: string) =>
    ds.query(`SELECT payload FROM outbox_event WHERE subject = $1 AND type = $2 ORDER BY seq`, [
      subject,
      type,
    ]) as Promise<Array<{ payload: any }>>;

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    await ensureTestTopics([...ALL_TOPICS]);
    db = await createTestDatabase('vehicles_lifecycle');
    const migrator = serviceDataSource(vehiclesDatabase, { url: db.url });
    await runMigrations(migrator);
    await migrator.destroy();

    const [grpcPort, httpPort] = await Promise.all([freePort(), freePort()]);
    const group = uniqueName('ofm.vehicles.lifecycle-test');
    await startGroupAtEnd(group, CONSUMED_TOPICS.vehicles);
    app = await startVehicles(
      loadVehiclesConfig({
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        GRPC_PORT: String(grpcPort),
        HTTP_PORT: String(httpPort),
        LOG_LEVEL: 'warn',
        INSURANCE_SWEEP_INTERVAL_MS: '0',
        // The test drives the overdue sweep itself, with the day it chooses.
        DISPOSAL_SWEEP_INTERVAL_MS: '0',
        DISPOSAL_DUE_DAYS: '30',
        KAFKA_CONSUMER_GROUP: group,
      }),
      { exitOnError: false },
    );
    await app.get(MessagingService).ready();
    ds = serviceDataSource(vehiclesDatabase, { url: db.url });
    await ds.initialize();
    client = createVehiclesClient(`127.0.0.1:${grpcPort}`);
    producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'vehicles-lifecycle-int-test' });

    const mission = (id: string, country: string) =>
      missions.Mission.fromJSON({
        id,
        name: `Embassy ${country}`,
        country,
        type: 'embassy',
        status: 'active',
        version: 1,
      });
    await publish(EVENT_TYPES.missionRegistered, missionDE, { mission: mission(missionDE, 'DE') });
    await publish(EVENT_TYPES.missionRegistered, missionRU, { mission: mission(missionRU, 'RU') });
    await publish(EVENT_TYPES.memberAccredited, diplomatDE, { member: member(diplomatDE, missionDE, 'DE') });
    await publish(EVENT_TYPES.memberAccredited, diplomatRU, { member: member(diplomatRU, missionRU, 'RU') });
    await publish(EVENT_TYPES.memberAccredited, usCitizen, {
      member: member(usCitizen, missionDE, 'DE', {
        category: 'administrative-technical',
        usCitizenOrPermanentResident: true,
      }),
    });
    await publish(EVENT_TYPES.memberAccredited, honoraryConsul, {
      member: member(honoraryConsul, missionDE, 'DE', {
        category: 'honorary-consular-officer',
        immunityLevel: 'official-acts',
      }),
    });
    // RU's profile v4 imposes a disposition surcharge and allows ten tax-free vehicles.
    const profile = await publish(EVENT_TYPES.profileUpdated, 'RU', {
      profile: {
        ...defaultProfile('RU'),
        version: 4,
        effectiveFrom: '2020-01-01',
        vehicleDispositionSurcharge: true,
        taxFreeVehiclesPerMember: 10,
      },
    } as reciprocity.ProfileUpdated);
    await processed(profile);
    await waitFor(
      async () =>
        (
          (await ds.query(`SELECT 1 FROM member_replica WHERE id = ANY($1)`, [
            [diplomatDE, diplomatRU, usCitizen, honoraryConsul],
          ])) as []
        ).length === 4 &&
        ((await ds.query(`SELECT 1 FROM mission_replica WHERE id = ANY($1)`, [[missionDE, missionRU]])) as [])
          .length === 2,
      { timeoutMs: 60_000, what: 'the members and missions in the replica' },
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    client?.close();
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  }, 60_000);

  it('keeps U.S. citizens and permanent residents and honorary consuls out, naming the rule', async () => {
    const [replica] = (await ds.query(
      `SELECT us_citizen_or_permanent_resident AS us FROM member_replica WHERE id = $1`,
      [usCitizen],
    )) as Array<{ us: boolean }>;
    expect(replica!.us).toBe(true);
    const citizen = await failureOf(register(usCitizen));
    expect(citizen.code).toBe(status.FAILED_PRECONDITION);
    expect(citizen.problem.rule).toBe('owner-us-citizen-or-permanent-resident');
    const honorary = await failureOf(register(honoraryConsul));
    expect(honorary.problem.rule).toBe('owner-not-eligible');
    expect(honorary.problem.detail).toContain('honorary-consular-officer');
  });

  it("holds a member to the tax-free vehicles the sending country's profile allows, naming its version", async () => {
    await register(diplomatDE);
    const refused = await failureOf(register(diplomatDE));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.problem.rule).toBe('tax-free-vehicle-limit');
    expect(refused.problem.detail).toContain('(profile DE v1)');
    // A new version of DE's profile reaches the replica over Kafka and lifts the limit.
    await processed(
      await publish(EVENT_TYPES.profileUpdated, 'DE', {
        profile: { ...defaultProfile('DE'), version: 2, effectiveFrom: '2020-01-01', taxFreeVehiclesPerMember: 5 },
      } as reciprocity.ProfileUpdated),
    );
    expect((await register(diplomatDE)).registration.status).toBe('pending-insurance');
  });

  it('renews a registration for a year from its expiry, not before the renewal window', async () => {
    const vehicle = await register(diplomatRU);
    const early = await failureOf(client.call('renewRegistration', { vehicleId: vehicle.id }, officer));
    expect(early.problem.rule).toBe('registration-renewal-too-early');
    const expiresOn = addDays(today, 10);
    await ds.query(`UPDATE vehicle SET expires_on = $2 WHERE id = $1`, [vehicle.id, expiresOn]);
    const { vehicle: renewed } = await client.call(
      'renewRegistration',
      { vehicleId: vehicle.id, expectedVersion: vehicle.version },
      officer,
    );
    expect(renewed.registration.expiresOn).toBe(addYears(expiresOn, 1));
    expect(renewed.version).toBe(vehicle.version + 1);
    expect(await outbox(vehicle.id, EVENT_TYPES.registrationRenewed.type)).toHaveLength(1);
    const stale = await failureOf(
      client.call('renewRegistration', { vehicleId: vehicle.id, expectedVersion: vehicle.version }, officer),
    );
    expect(stale.code).toBe(status.ABORTED);
  });

  it('replaces a stolen plate: the old plate verifies reported-stolen, with the vehicle, and names no owner', async () => {
    const vehicle = await register(diplomatRU);
    const { vehicle: replaced } = await client.call(
      'reportPlateLoss',
      { vehicleId: vehicle.id, loss: 'stolen' },
      officer,
    );
    expect(replaced.plate).not.toBe(vehicle.plate);
    expect(replaced.plate.slice(0, 3)).toBe(vehicle.plate.slice(0, 3));
    expect(replaced.replacedPlates).toEqual([vehicle.plate]);
    const { verification: old } = await client.call('verifyPlate', { plate: vehicle.plate }, police);
    expect(old).toMatchObject({
      status: 'reported-stolen',
      plate: vehicle.plate,
      mission: 'Embassy RU',
      vehicle: { make: 'Volvo', model: 'XC90', year: 2024, vin: vehicle.vin },
    });
    expect(old.name).toBeFalsy();
    const { verification: current } = await client.call('verifyPlate', { plate: replaced.plate }, police);
    // Never insured: the new plate does not verify as valid either.
    expect(current).toMatchObject({ status: 'suspended', plate: replaced.plate, vehicle: { vin: vehicle.vin } });
    const [event] = await outbox(vehicle.id, EVENT_TYPES.plateReplaced.type);
    expect(event!.payload).toMatchObject({ replacedPlate: vehicle.plate, loss: 'stolen' });
  });

  it('keeps a title ledger with one owner at a time', async () => {
    const vehicle = await register(diplomatRU);
    await client.call('recordTitle', { vehicleId: vehicle.id, role: 'owner', holder: 'Ivan Petrov' }, officer);
    const { vehicle: withLien } = await client.call(
      'recordTitle',
      { vehicleId: vehicle.id, role: 'lienholder', holder: 'Volvo Car Financial' },
      officer,
    );
    expect(withLien.titles.map((t: { role: string; holder: string }) => [t.role, t.holder])).toEqual([
      ['owner', 'Ivan Petrov'],
      ['lienholder', 'Volvo Car Financial'],
    ]);
    const second = await failureOf(
      client.call('recordTitle', { vehicleId: vehicle.id, role: 'owner', holder: 'X' }, officer),
    );
    expect(second.problem.rule).toBe('title-owner-recorded');
  });

  it("makes a terminated owner's vehicle disposal-due, flags it once when overdue, and records its disposal", async () => {
    const vehicle = await register(diplomatRU);
    await client.call('recordTitle', { vehicleId: vehicle.id, role: 'owner', holder: 'Ivan Petrov' }, officer);
    await processed(
      await publish(EVENT_TYPES.memberTerminated, diplomatRU, {
        member: member(diplomatRU, missionRU, 'RU', {
          status: 'terminated',
          version: 3,
          terminationEffectiveDate: today,
        }),
        principalId: '',
      } as never),
    );
    const { vehicle: due } = await client.call('getVehicle', { id: vehicle.id }, officer);
    expect(due).toMatchObject({ registration: { status: 'disposal-due' }, disposalDueOn: addDays(today, 30) });
    const { verification } = await client.call('verifyPlate', { plate: vehicle.plate }, police);
    expect(verification.status).toBe('terminated');

    // Not overdue on the due day; flagged the day after, exactly once however often the sweep runs.
    const sweep = app.get(DisposalOverdueSweep);
    const flagsOf = async () =>
      (await ds.query(
        `SELECT type, payload FROM outbox_event WHERE type IN ($1, $2) AND payload->'flag'->>'subjectId' = $3 ORDER BY seq`,
        [EVENT_TYPES.flagRaised.type, EVENT_TYPES.flagCleared.type, vehicle.id],
      )) as Array<{ type: string; payload: any }>;
    await sweep.sweep(addDays(today, 30));
    expect(await flagsOf()).toEqual([]);
    expect(await sweep.sweep(addDays(today, 31))).toBeGreaterThanOrEqual(1);
    await sweep.sweep(addDays(today, 31));
    const raised = await flagsOf();
    expect(raised).toHaveLength(1);
    expect(raised[0]!.payload.flag).toMatchObject({ reasonCode: 'disposal-due', memberId: diplomatRU });
    expect(raised[0]!.payload.flag.detail).toContain(addDays(today, 30));

    const current = (await client.call('getVehicle', { id: vehicle.id }, officer)).vehicle;
    const dispose = (body: Record<string, unknown>) =>
      client.call('recordDisposal', { vehicleId: vehicle.id, method: 'sale', date: today, ...body }, officer);
    expect((await failureOf(dispose({ platesReturned: false, surchargePaid: true }))).problem.rule).toBe(
      'plates-not-returned',
    );
    const unpaid = await failureOf(dispose({ platesReturned: true, surchargePaid: false }));
    expect(unpaid.problem).toMatchObject({ rule: 'disposition-surcharge-unpaid' });
    expect(unpaid.problem.detail).toContain('(profile RU v4)');
    const { vehicle: disposed } = await dispose({
      platesReturned: true,
      surchargePaid: true,
      expectedVersion: current.version,
    });
    expect(disposed).toMatchObject({
      registration: { status: 'disposed' },
      disposal: {
        method: 'sale',
        disposedOn: today,
        platesReturned: true,
        surcharge: expect.stringContaining('profile RU v4'),
      },
      titles: [{ role: 'owner', holder: 'Ivan Petrov', releasedOn: today }],
    });
    const [event] = await outbox(vehicle.id, EVENT_TYPES.vehicleDisposed.type);
    expect(event!.payload.vehicle).toMatchObject({
      id: vehicle.id,
      ownerMemberId: diplomatRU,
      disposal: { platesReturned: true },
    });
    expect((await flagsOf()).map((f) => f.type)).toEqual([EVENT_TYPES.flagRaised.type, EVENT_TYPES.flagCleared.type]);
    expect((await client.call('verifyPlate', { plate: vehicle.plate }, police)).verification.status).toBe('disposed');
    expect((await failureOf(dispose({ platesReturned: true, surchargePaid: true }))).problem.rule).toBe(
      'vehicle-disposed',
    );
  });
});
