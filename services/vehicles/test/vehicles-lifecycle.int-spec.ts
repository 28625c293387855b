import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { accreditation, EVENT_TYPES, missions, reciprocity, type EventTypeSpec } from '@ofm/contracts';
import { addDays, addYears, Clock, ofmDay } from '@ofm/kernel';
import { runMigrations, serviceDataSource, type PeriodicJobs } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import { defaultProfile } from '@ofm/reciprocity';
import { createTestDatabase, failureOf, waitFor, type TestDatabase } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { loadVehiclesConfig } from '../src/config';
import { vehiclesDatabase } from '../src/data-source';
import { DisposalOverdueSweep } from '../src/disposal/disposal-overdue.sweep';
import { DisposalDueDatesBackfill1795879300900 } from '../src/migrations/1795879300900-disposal-due-dates-backfill.migration';
import type { VehiclesClient } from './vehicles-grpc.client';
import { startVehiclesUnderTest, type VehiclesUnderTest } from './vehicles-under-test';

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
  let v: VehiclesUnderTest;
  let ds: DataSource;
  let app: NestFastifyApplication;
  let client: VehiclesClient;

  // DE: the default profile (one tax-free vehicle per member); RU: a surcharge on disposals.
  const missionDE = randomUUID();
  const missionRU = randomUUID();
  const diplomatDE = randomUUID();
  const diplomatRU = randomUUID();
  const usCitizen = randomUUID();
  const honoraryConsul = randomUUID();

  const publish = <T>(spec: EventTypeSpec<T>, subject: string, data: T) => v.publish(spec, subject, data);
  const processed = (eventId: string) => v.processed(eventId);
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
    v = await startVehiclesUnderTest({
      label: 'lifecycle-test',
      database: 'vehicles_lifecycle',
      source: '/ofm/test',
      env: {
        // The test drives the overdue sweep itself, with the day it chooses.
        DISPOSAL_SWEEP_INTERVAL_MS: '0',
        DISPOSAL_DUE_DAYS: '30',
      },
    });
    ({ ds, app, client } = v);

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
    await v?.stop();
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

// Registrations made disposal-due before due dates existed (DisposalDueDatesBackfill1795879300900):
// a database migrated up to the migration before it, rows as the old code left them, then the rest
// of the migrations, and the overdue sweep of the service's code on that database.
describe('disposal-due registrations without a due date (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sweep: DisposalOverdueSweep;
  const audited = randomUUID();
  const terminatedOwner = randomUUID();
  const unknown = randomUUID();
  const active = randomUUID();
  let plateSerial = 0;

  const insertVehicle = async (id: string, status: string, ownerMemberId: string = randomUUID()) =>
    ds.query(
      `INSERT INTO vehicle (id, owner_member_id, mission_id, vin, make, model, year, kind, plate,
                            registration_status, registered_on, expires_on, insurance_status)
       VALUES ($1, $2, $3, $4, 'Volvo', 'XC90', 2024, 'car', $5, $6, $7, $8, 'insured')`,
      [
        id,
        ownerMemberId,
        randomUUID(),
        newVin(),
        `DXX${++plateSerial}`,
        status,
        addDays(today, -300),
        addDays(today, 65),
      ],
    );
  const dueOn = async (id: string) =>
    ((await ds.query(`SELECT disposal_due_on::text AS d FROM vehicle WHERE id = $1`, [id])) as Array<{ d: string }>)[0]!
      .d;
  const flagged = async () =>
    (
      (await ds.query(`SELECT payload->'flag'->>'subjectId' AS id FROM outbox_event WHERE type = $1 ORDER BY seq`, [
        EVENT_TYPES.flagRaised.type,
      ])) as Array<{ id: string }>
    ).map((r) => r.id);

  beforeAll(async () => {
    db = await createTestDatabase('vehicles_backfill');
    const before = serviceDataSource(
      {
        ...vehiclesDatabase,
        // The list as it was before the backfill (listed, never globbed: an array of classes).
        migrations: (vehiclesDatabase.migrations as unknown[]).filter(
          (m) => m !== DisposalDueDatesBackfill1795879300900,
        ) as typeof vehiclesDatabase.migrations,
      },
      { url: db.url },
    );
    await runMigrations(before);
    ds = before;
    const owner = randomUUID();
    await insertVehicle(audited, 'disposal-due');
    // Made disposal-due at 22:00 in Washington (03:00 UTC the next day): the day is Washington's.
    await ds.query(
      `INSERT INTO audit_record (occurred_at, actor_subject, action, entity_type, entity_id)
       VALUES ($1, 'system:vehicles', 'registration.disposal-due', 'vehicle', $2)`,
      [`${addDays(today, -100)}T03:00:00Z`, audited],
    );
    await insertVehicle(terminatedOwner, 'disposal-due', owner);
    await ds.query(
      `INSERT INTO member_replica (id, mission_id, mission_country, category, status, given_name, family_name,
                                   version, last_event_time)
       VALUES ($1, $2, 'DE', 'diplomatic-agent', 'terminated', 'Jeanne', 'Martin', 3, $3)`,
      [owner, randomUUID(), `${addDays(today, -50)}T12:00:00Z`],
    );
    await insertVehicle(unknown, 'disposal-due');
    await insertVehicle(active, 'active');
    await before.destroy();

    ds = serviceDataSource(vehiclesDatabase, { url: db.url });
    expect(await runMigrations(ds)).toEqual(['DisposalDueDatesBackfill1795879300900']);
    sweep = new DisposalOverdueSweep(
      ds,
      new Clock(),
      {} as PeriodicJobs,
      loadVehiclesConfig({ DATABASE_URL: db.url, KAFKA_BROKERS: 'unused:9092', DISPOSAL_DUE_DAYS: '30' }),
    );
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  }, 60_000);

  it('dates each from the best record of when it became due, audited, and the sweep flags each when overdue', async () => {
    expect(await dueOn(audited)).toBe(addDays(today, -71));
    expect(await dueOn(terminatedOwner)).toBe(addDays(today, -20));
    expect(await dueOn(unknown)).toBe(addDays(today, 30));
    expect(await dueOn(active)).toBeNull();
    const audits = (await ds.query(
      `SELECT entity_id, reason FROM audit_record WHERE action = 'registration.disposal-due-dated' ORDER BY reason`,
    )) as Array<{ entity_id: string; reason: string }>;
    expect(audits.map((a) => a.entity_id).sort()).toEqual([audited, terminatedOwner, unknown].sort());
    expect(audits.find((a) => a.entity_id === audited)!.reason).toContain('audit record');

    expect(await sweep.sweep(addDays(today, -71))).toBe(0);
    expect(await sweep.sweep(addDays(today, -70))).toBe(1);
    expect(await sweep.sweep(today)).toBe(1);
    expect(await sweep.sweep(addDays(today, 31))).toBe(1);
    expect(await sweep.sweep(addDays(today, 31))).toBe(0);
    expect(await flagged()).toEqual([audited, terminatedOwner, unknown]);
  });

  it('never passes over one left without a date since: the sweep dates it from the day it found it', async () => {
    const undated = randomUUID();
    await insertVehicle(undated, 'disposal-due');
    expect(await sweep.sweep(addDays(today, 40))).toBe(0);
    expect(await dueOn(undated)).toBe(addDays(today, 70));
    const [audit] = (await ds.query(`SELECT reason FROM audit_record WHERE action = $1 AND entity_id = $2`, [
      'registration.disposal-due-dated',
      undated,
    ])) as Array<{ reason: string }>;
    expect(audit!.reason).toContain('without a due date');
    expect(await sweep.sweep(addDays(today, 70))).toBe(0);
    expect(await sweep.sweep(addDays(today, 71))).toBe(1);
    expect((await flagged()).at(-1)).toBe(undated);
  });
});
