import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { EVENT_TYPES, missions, type EventTypeSpec } from '@ofm/contracts';
import { addDays, Clock, ofmDay } from '@ofm/kernel';
import { serviceDataSource, type PeriodicJobs } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import { failureOf, uniqueName, waitFor } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../src/config';
import { vehiclesDatabase } from '../src/data-source';
import { InsuranceLapseSweep } from '../src/insurance/insurance-lapse.sweep';
import type { VehiclesClient } from './vehicles-grpc.client';
import { startVehiclesUnderTest, type VehiclesUnderTest } from './vehicles-under-test';

// Coverage at every boundary on real PostgreSQL and Kafka: a renewal recorded in advance takes effect
// at its start, a lapse publishes once however many sweeps run at the same time, a new policy
// reactivates and clears the flag, a cancellation is a boundary, and the reminders of policies ending.
// A sweep judges the whole database on the day it names, so each test asserts on its own vehicles
// (the one global count, of the concurrent sweeps, is on a day every other vehicle is covered).

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const today = ofmDay(new Date());
const usd = (amount: string) => ({ amount, currency: 'USD' });
const car = () => ({
  vin: `WVW${randomUUID().replace(/-/g, '').toUpperCase().replace(/[IOQ]/g, '7').slice(0, 14)}`,
  make: 'Volvo',
  model: 'XC90',
  year: 2024,
  kind: 'car',
});
const policy = (vehicleId: string, effectiveDate: string, expirationDate: string) => ({
  vehicleId,
  insurer: 'Acme Mutual',
  policyNumber: uniqueName('P'),
  effectiveDate,
  expirationDate,
  combinedSingleLimit: usd('300000.00'),
  proofType: 'certificate',
});

describe('insurance coverage at every boundary (PostgreSQL + Kafka)', () => {
  let v: VehiclesUnderTest;
  let ds: DataSource;
  let client: VehiclesClient;
  let config: VehiclesConfig;
  let sweep: InsuranceLapseSweep;
  const missionA = randomUUID();
  const missionB = randomUUID();
  const missionUserA: Actor = { subject: 'mission-a', roles: ['mission-user'], missionId: missionA };
  const missionUserB: Actor = { subject: 'mission-b', roles: ['mission-user'], missionId: missionB };

  const publish = <T>(spec: EventTypeSpec<T>, subject: string, data: T) => v.publish(spec, subject, data);
  const mission = (id: string, country: string) =>
    missions.Mission.fromJSON({
      id,
      name: `Embassy ${country}`,
      country,
      type: 'embassy',
      status: 'active',
      version: 1,
    });

  const register = async (missionId = missionA) =>
    (await client.call('registerVehicle', { ownerMissionId: missionId, ...car() }, officer)).vehicle;
  const vehicleOf = async (id: string) => (await client.call('getVehicle', { id }, officer)).vehicle;
  const eventsOf = async (vehicleId: string) =>
    (
      (await ds.query(
        `SELECT type FROM outbox_event WHERE subject = $1 OR payload->'flag'->>'subjectId' = $1 ORDER BY seq`,
        [vehicleId],
      )) as Array<{ type: string }>
    ).map((e) => e.type);
  const count = (types: string[], spec: { type: string }) => types.filter((t) => t === spec.type).length;

  beforeAll(async () => {
    v = await startVehiclesUnderTest({ label: 'coverage-test' });
    ({ ds, client, config } = v);
    sweep = v.app.get(InsuranceLapseSweep);
    await publish(EVENT_TYPES.missionRegistered, missionA, { mission: mission(missionA, 'FR') });
    await publish(EVENT_TYPES.missionRegistered, missionB, { mission: mission(missionB, 'BT') });
    await waitFor(
      async () =>
        ((await ds.query(`SELECT 1 FROM mission_replica WHERE id = ANY($1)`, [[missionA, missionB]])) as unknown[])
          .length === 2,
      { timeoutMs: 60_000, what: 'both missions in the replica' },
    );
  }, 120_000);

  afterAll(async () => {
    await v?.stop();
  }, 60_000);

  it('refuses a short policy filed without proofType (judged as a binder), naming the rule', async () => {
    const vehicle = await register();
    const { proofType: _, ...unstated } = policy(vehicle.id, today, addDays(today, 5));
    const failure = await failureOf(client.call('addInsurancePolicy', unstated, officer));
    expect(failure.problem).toMatchObject({ status: 422, rule: 'insurance-binder-duration' });
    expect(failure.problem.errors).toEqual([
      {
        field: 'expirationDate',
        message: 'without proofType the proof is judged as a binder, which must be valid for at least 30 days',
      },
    ]);
  });

  it('a renewal recorded in advance takes effect at its start: pending-insurance → active', async () => {
    const vehicle = await register();
    await client.call('addInsurancePolicy', policy(vehicle.id, addDays(today, 5), addDays(today, 400)), officer);
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('pending-insurance');
    await sweep.sweep(addDays(today, 4));
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('pending-insurance');
    expect((await sweep.sweep(addDays(today, 5))).reinstated).toBeGreaterThanOrEqual(1);
    expect(await vehicleOf(vehicle.id)).toMatchObject({
      registration: { status: 'active' },
      insuranceStatus: 'insured',
    });
    await sweep.sweep(addDays(today, 6));
    expect(count(await eventsOf(vehicle.id), EVENT_TYPES.registrationActivated)).toBe(1);
  });

  it('suspends at the end, then the renewal recorded in advance reactivates at its start and clears the flag', async () => {
    const vehicle = await register();
    await client.call('addInsurancePolicy', policy(vehicle.id, addDays(today, -10), addDays(today, 40)), officer);
    await client.call('addInsurancePolicy', policy(vehicle.id, addDays(today, 45), addDays(today, 410)), officer);
    await sweep.sweep(addDays(today, 39));
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('active');
    await sweep.sweep(addDays(today, 40));
    expect(await vehicleOf(vehicle.id)).toMatchObject({
      registration: { status: 'suspended' },
      insuranceStatus: 'lapsed',
    });
    await sweep.sweep(addDays(today, 44));
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('suspended');
    await sweep.sweep(addDays(today, 45));
    expect(await vehicleOf(vehicle.id)).toMatchObject({
      registration: { status: 'active' },
      insuranceStatus: 'insured',
    });
    const events = await eventsOf(vehicle.id);
    expect(count(events, EVENT_TYPES.insuranceLapsed)).toBe(1);
    expect(count(events, EVENT_TYPES.registrationSuspended)).toBe(1);
    expect(count(events, EVENT_TYPES.flagRaised)).toBe(1);
    expect(count(events, EVENT_TYPES.flagCleared)).toBe(1);
    // Activated at the first policy and again at the renewal's start.
    expect(count(events, EVENT_TYPES.registrationActivated)).toBe(2);
  });

  it('publishes a lapse exactly once with two sweeps (two replicas) running at the same time', async () => {
    const vehicles = [];
    for (let i = 0; i < 30; i++) vehicles.push(await register());
    for (const v of vehicles) {
      await client.call('addInsurancePolicy', policy(v.id, addDays(today, -10), addDays(today, 100)), officer);
    }
    // A second replica: its own pool on the same database, without the advisory lock of PeriodicJobs.
    const otherDs = serviceDataSource(vehiclesDatabase, { url: v.db.url });
    await otherDs.initialize();
    try {
      const other = new InsuranceLapseSweep(otherDs, new Clock(), {} as PeriodicJobs, config);
      const day = addDays(today, 100);
      const [a, b] = await Promise.all([sweep.sweep(day), other.sweep(day)]);
      expect(a.lapsed + b.lapsed).toBe(vehicles.length);
      expect(a.suspended + b.suspended).toBe(vehicles.length);
      const again = await Promise.all([sweep.sweep(day), other.sweep(day), sweep.sweep(addDays(day, 1))]);
      expect(again.map((r) => r.lapsed + r.suspended)).toEqual([0, 0, 0]);
    } finally {
      await otherDs.destroy();
    }
    for (const v of vehicles) {
      const events = await eventsOf(v.id);
      expect({ id: v.id, lapsed: count(events, EVENT_TYPES.insuranceLapsed) }).toEqual({ id: v.id, lapsed: 1 });
      expect(count(events, EVENT_TYPES.registrationSuspended)).toBe(1);
      expect(count(events, EVENT_TYPES.flagRaised)).toBe(1);
    }
    // The relay puts each on Kafka; the outbox rows are marked published once.
    await waitFor(
      async () =>
        Number(
          (
            (await ds.query(
              `SELECT count(*) AS n FROM outbox_event WHERE type = $1 AND subject = ANY($2) AND published_at IS NOT NULL`,
              [EVENT_TYPES.insuranceLapsed.type, vehicles.map((v) => v.id)],
            )) as Array<{ n: string }>
          )[0]!.n,
        ) === vehicles.length,
      { timeoutMs: 60_000, what: 'the lapses published' },
    );
  }, 120_000);

  it('a cancellation is a boundary: it suspends at once; a new compliant policy reactivates and clears the flag', async () => {
    const vehicle = await register();
    const { policy: p } = await client.call(
      'addInsurancePolicy',
      policy(vehicle.id, addDays(today, -10), addDays(today, 300)),
      officer,
    );
    const cancelled = await client.call(
      'cancelInsurancePolicy',
      { vehicleId: vehicle.id, policyId: p.id, reason: 'non-payment' },
      officer,
    );
    expect(cancelled.policy).toMatchObject({ cancelledOn: today, cancellationReason: 'non-payment' });
    expect(cancelled.vehicle).toMatchObject({ registration: { status: 'suspended' }, insuranceStatus: 'lapsed' });
    const again = await failureOf(
      client.call('cancelInsurancePolicy', { vehicleId: vehicle.id, policyId: p.id, reason: 'twice' }, officer),
    );
    expect(again.problem).toMatchObject({ status: 422, rule: 'insurance-already-cancelled' });
    // A sweep after the cancellation finds this registration already judged.
    await sweep.sweep(today);
    const restored = await client.call('addInsurancePolicy', policy(vehicle.id, today, addDays(today, 365)), officer);
    expect(restored.vehicle).toMatchObject({ registration: { status: 'active' }, insuranceStatus: 'insured' });
    const events = await eventsOf(vehicle.id);
    expect(count(events, EVENT_TYPES.insuranceLapsed)).toBe(1);
    expect(count(events, EVENT_TYPES.flagRaised)).toBe(1);
    expect(count(events, EVENT_TYPES.flagCleared)).toBe(1);
  });

  it('a cancellation dated later takes effect at its day; one after the expiration is refused naming cancelledOn', async () => {
    const vehicle = await register();
    const { policy: p } = await client.call(
      'addInsurancePolicy',
      policy(vehicle.id, today, addDays(today, 60)),
      officer,
    );
    const late = await failureOf(
      client.call(
        'cancelInsurancePolicy',
        { vehicleId: vehicle.id, policyId: p.id, cancelledOn: addDays(today, 60), reason: 'sold' },
        officer,
      ),
    );
    expect(late.problem).toMatchObject({ status: 422, rule: 'insurance-cancellation-after-expiration' });
    expect(late.problem.errors[0].field).toBe('cancelledOn');
    const { vehicle: after } = await client.call(
      'cancelInsurancePolicy',
      { vehicleId: vehicle.id, policyId: p.id, cancelledOn: addDays(today, 7), reason: 'sold' },
      officer,
    );
    expect(after.registration.status).toBe('active');
    await sweep.sweep(addDays(today, 6));
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('active');
    await sweep.sweep(addDays(today, 7));
    expect((await vehicleOf(vehicle.id)).registration.status).toBe('suspended');
  });

  it('reminds of policies ending within 30 days that nothing continues: officers all, a mission its own', async () => {
    const ending = await register(missionA);
    const { policy: endingPolicy } = await client.call(
      'addInsurancePolicy',
      policy(ending.id, addDays(today, -300), addDays(today, 20)),
      officer,
    );
    const renewed = await register(missionA);
    await client.call('addInsurancePolicy', policy(renewed.id, addDays(today, -300), addDays(today, 20)), officer);
    await client.call('addInsurancePolicy', policy(renewed.id, addDays(today, 20), addDays(today, 385)), officer);
    const later = await register(missionA);
    await client.call('addInsurancePolicy', policy(later.id, today, addDays(today, 31)), officer);
    const otherMission = await register(missionB);
    await client.call('addInsurancePolicy', policy(otherMission.id, today, addDays(today, 30)), officer);

    const ofVehicles = (reminders: Array<{ vehicle: { id: string } }>) => reminders.map((r) => r.vehicle.id);
    const forOfficer = (await client.call('listInsuranceReminders', {}, officer)).reminders;
    expect(ofVehicles(forOfficer)).toEqual(expect.arrayContaining([ending.id, otherMission.id]));
    expect(ofVehicles(forOfficer)).not.toContain(renewed.id);
    expect(ofVehicles(forOfficer)).not.toContain(later.id);
    expect(forOfficer.find((r: any) => r.vehicle.id === ending.id)).toMatchObject({
      policy: { id: endingPolicy.id },
      coverageEndsOn: addDays(today, 20),
      daysLeft: 20,
    });
    const forA = (await client.call('listInsuranceReminders', {}, missionUserA)).reminders;
    expect(ofVehicles(forA)).toContain(ending.id);
    expect(ofVehicles(forA)).not.toContain(otherMission.id);
    expect(
      ofVehicles((await client.call('listInsuranceReminders', { missionId: missionB }, officer)).reminders),
    ).toEqual([otherMission.id]);
    const refused = await failureOf(client.call('listInsuranceReminders', { missionId: missionA }, missionUserB));
    expect(refused.code).toBe(status.PERMISSION_DENIED);
  });
});
