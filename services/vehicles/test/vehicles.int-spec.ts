import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { accreditation, EVENT_TYPES, missions, reciprocity, TOPICS, type EventTypeSpec } from '@ofm/contracts';
import { defaultProfile } from '@ofm/reciprocity';
import { addDays, ofmDay, yearOf } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';
import { failureOf, uniqueName, waitFor } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { InsuranceLapseSweep } from '../src/insurance/insurance-lapse.sweep';
import type { VehiclesClient } from './vehicles-grpc.client';
import { startVehiclesUnderTest, type VehiclesUnderTest } from './vehicles-under-test';

// The vehicles service in-process on a fresh database and the real Kafka broker: accreditation's
// events are produced as accreditation's outbox relay would put them on the wire.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const auditor: Actor = { subject: 'auditor-1', roles: ['auditor'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = ofmDay(new Date());
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

// proto-loader (oneofs: true) names the set member of each `optional` field in a virtual `_field`
// key; the answer compared whole is the message's own fields.
const withoutVirtualOneofs = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !key.startsWith('_'))
          .map(([key, v]) => [key, withoutVirtualOneofs(v)]),
      )
    : value;

// A fresh, valid VIN per call (17 characters, no I/O/Q).
let vinSerial = 0;
const newVin = (): string =>
  `WVW${randomUUID().replace(/-/g, '').toUpperCase().replace(/[IOQ]/g, '7').slice(0, 8)}${String(++vinSerial).padStart(6, '0')}`;

describe('vehicles service (PostgreSQL + Kafka)', () => {
  let v: VehiclesUnderTest;
  let ds: DataSource;
  let app: NestFastifyApplication;
  let client: VehiclesClient;
  // The flags raised on ofm.compliance.flag.v1 since the start.
  const flagsSeen = (): Array<{ id: string; subjectId: string; reasonCode: string }> =>
    v.seen.filter((e) => e.type === EVENT_TYPES.flagRaised.type).map((e) => e.data.flag);

  const missionA = randomUUID();
  const missionB = randomUUID();
  const notifiedMember = randomUUID();
  const diplomat = randomUUID();
  const staffer = randomUUID();
  const missionUserA: Actor = { subject: 'mission-a', roles: ['mission-user'], missionId: missionA };
  const missionUserB: Actor = { subject: 'mission-b', roles: ['mission-user'], missionId: missionB };

  const publish = async <T>(
    spec: EventTypeSpec<T>,
    subject: string,
    data: T,
    id = randomUUID(),
    time = new Date(),
  ) => ({
    id: await v.publish(spec, subject, data, { id, time }),
  });
  const processed = (eventId: string) => v.processed(eventId);
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
    v = await startVehiclesUnderTest({
      label: 'test',
      env: { INSURANCE_LAPSE_GRACE_DAYS: '0' },
      watch: [TOPICS.complianceFlag],
      beforeStart: async (migrated) => {
        // These members register several vehicles each: their countries' profiles allow more than the
        // default one tax-free vehicle per member (the limit itself: vehicles-lifecycle.int-spec.ts).
        for (const country of ['FR', 'BT', 'IS']) {
          const profile = {
            ...defaultProfile(country),
            version: 2,
            effectiveFrom: '2000-01-01',
            taxFreeVehiclesPerMember: 99,
          };
          await migrated.query(
            `INSERT INTO reciprocity_profile_replica (country, version, effective_from, profile, last_event_time)
           VALUES ($1, 2, '2000-01-01', $2, now())`,
            [country, reciprocity.ReciprocityProfile.toJSON(profile)],
          );
        }
      },
    });
    ({ ds, app, client } = v);

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
    await v?.stop();
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

  it("follows a mission's status changes in the replica (suspended by OFM)", async () => {
    const missionC = randomUUID();
    await publish(EVENT_TYPES.missionRegistered, missionC, { mission: mission(missionC, 'IS') });
    const suspended = await publish(EVENT_TYPES.missionStatusChanged, missionC, {
      mission: missions.Mission.fromJSON({
        ...missions.Mission.toJSON(mission(missionC, 'IS')),
        status: 'suspended',
        version: 2,
      }),
      previousStatus: 'active',
      reason: 'Reciprocity: U.S. embassy suspended',
    });
    await processed(suspended.id);
    const [row] = (await ds.query(`SELECT status, version FROM mission_replica WHERE id = $1`, [missionC])) as Array<
      Record<string, unknown>
    >;
    expect(row).toEqual({ status: 'suspended', version: 2 });
  });

  it('refuses a member who is not accredited with the rule owner-not-accredited', async () => {
    const failure = await failureOf(
      client.call('registerVehicle', { ownerMemberId: notifiedMember, ...car(newVin()) }, officer),
    );
    expect(failure.code).toBe(status.FAILED_PRECONDITION);
    expect(failure.problem).toMatchObject({ status: 422, rule: 'owner-not-accredited' });
  });

  it('answers a malformed request with INVALID_ARGUMENT naming each field, from the declared rules', async () => {
    const failure = await failureOf(
      client.call(
        'registerVehicle',
        { ownerMemberId: diplomat, vin: 'SHORT', make: '', model: 'X', year: 2024, kind: 'boat' },
        officer,
      ),
    );
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'make', 'vin']);

    // The VIN alphabet (no I, O, Q; capitals only) and the year range are vehicle.proto's.
    const vin = await failureOf(
      client.call('registerVehicle', { ownerMemberId: diplomat, ...car('1hgcm82633a00435o'), year: 1885 }, officer),
    );
    expect(vin.code).toBe(status.INVALID_ARGUMENT);
    expect(vin.problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['vin', 'year']);
    // A model year more than one ahead of the calendar is this service's rule: 422, the rule named.
    const year = await failureOf(
      client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()), year: yearOf(today) + 2 }, officer),
    );
    expect(year.code).toBe(status.FAILED_PRECONDITION);
    expect(year.problem.rule).toBe('vehicle-model-year');
    expect(year.problem.errors).toEqual([
      { field: 'year', message: `must be a model year no later than ${yearOf(today) + 1}` },
    ]);
  });

  it('takes exactly one owner, a member or the mission', async () => {
    for (const owner of [{ ownerMemberId: diplomat, ownerMissionId: missionA }, {}]) {
      const failure = await failureOf(client.call('registerVehicle', { ...owner, ...car(newVin()) }, officer));
      expect(failure.code).toBe(status.INVALID_ARGUMENT);
      expect(failure.problem.errors).toEqual([
        { field: 'ownerMemberId', message: 'give exactly one of ownerMemberId, ownerMissionId' },
      ]);
    }
    const malformed = await failureOf(
      client.call('registerVehicle', { ownerMemberId: 'x', ...car(newVin()) }, officer),
    );
    expect(malformed.code).toBe(status.INVALID_ARGUMENT);
    expect(malformed.problem.errors).toEqual([{ field: 'ownerMemberId', message: 'ownerMemberId must be a UUID' }]);
    const vehicles = (await ds.query(`SELECT count(*)::int AS n FROM vehicle`)) as Array<{ n: number }>;
    expect(vehicles[0]!.n).toBe(0);
  });

  describe('a registered car', () => {
    let vehicleId: string;
    let plate: string;
    let policyId: string;

    beforeAll(async () => {
      const { vehicle } = await client.call('registerVehicle', { ownerMemberId: diplomat, ...car(newVin()) }, officer);
      vehicleId = vehicle.id;
      plate = vehicle.plate;
    }, 30_000);

    it('is created pending insurance, with a D plate carrying the OFM code of France', async () => {
      const { vehicle } = await client.call('getVehicle', { id: vehicleId }, auditor);
      expect(vehicle.ownerMissionId).toBeUndefined();
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

    it('does not verify as valid while it waits for insurance', async () => {
      const { verification } = await client.call('verifyPlate', { plate }, police);
      expect(verification).toMatchObject({ status: 'suspended', registration: { status: 'pending-insurance' } });
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

    it('refuses a non-USD limit by the rule of insurance terms (422)', async () => {
      const failure = await failureOf(
        client.call(
          'addInsurancePolicy',
          { ...validPolicy(vehicleId), propertyDamage: { amount: '100000.00', currency: 'EUR' } },
          officer,
        ),
      );
      expect(failure.code).toBe(status.FAILED_PRECONDITION);
      expect(failure.problem.rule).toBe('insurance-terms');
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
        { field: 'proofType', message: 'proofType must be one of binder, certificate, declarations-page' },
      ]);
    });

    it('refuses a policy that mixes the two forms of limits, from the declared rules', async () => {
      const failure = await failureOf(
        client.call(
          'addInsurancePolicy',
          { ...validPolicy(vehicleId), combinedSingleLimit: usd('300000.00') },
          officer,
        ),
      );
      expect(failure.code).toBe(status.INVALID_ARGUMENT);
      expect(failure.problem.errors.map((e: { field: string }) => e.field)).toEqual(['combinedSingleLimit']);
      const { policies } = await client.call('listInsurancePolicies', { vehicleId }, auditor);
      expect(policies).toHaveLength(0);
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
      const audits = (await ds.query(
        `SELECT action FROM audit_record WHERE entity_id = $1 AND action <> 'plate.verified' ORDER BY occurred_at`,
        [vehicleId],
      )) as Array<{ action: string }>;
      expect(audits.map((a) => a.action)).toEqual(['vehicle.registered', 'registration.activated']);
      const { policies } = await client.call('listInsurancePolicies', { vehicleId }, auditor);
      expect(policies).toHaveLength(1);
      expect(policies[0].proofType).toBe('binder');
      policyId = response.policy.id;
    });

    it('answers one policy of the vehicle by its id, and nothing for another vehicle', async () => {
      const { policy } = await client.call('getInsurancePolicy', { vehicleId, policyId }, auditor);
      expect(policy).toMatchObject({
        id: policyId,
        vehicleId,
        proofType: 'binder',
        bodilyInjuryPerPerson: usd('100000.00'),
        combinedSingleLimit: null,
      });
      const { vehicle: other } = await client.call(
        'registerVehicle',
        { ownerMemberId: diplomat, ...car(newVin()) },
        officer,
      );
      const elsewhere = await failureOf(client.call('getInsurancePolicy', { vehicleId: other.id, policyId }, officer));
      expect(elsewhere.code).toBe(status.NOT_FOUND);
      const unknown = await failureOf(
        client.call('getInsurancePolicy', { vehicleId, policyId: randomUUID() }, officer),
      );
      expect(unknown.code).toBe(status.NOT_FOUND);
      const noVehicle = await failureOf(
        client.call('getInsurancePolicy', { vehicleId: randomUUID(), policyId }, officer),
      );
      expect(noVehicle.code).toBe(status.NOT_FOUND);
      const malformed = await failureOf(client.call('getInsurancePolicy', { vehicleId, policyId: 'p-1' }, officer));
      expect(malformed.code).toBe(status.INVALID_ARGUMENT);
      expect(malformed.problem.errors).toEqual([{ field: 'policyId', message: 'policyId must be a UUID' }]);
      expect((await failureOf(client.call('getInsurancePolicy', { vehicleId, policyId }, police))).code).toBe(
        status.PERMISSION_DENIED,
      );
    });

    it('is verified by plate for law enforcement, naming nobody, and the verification is audited', async () => {
      const before = Date.now();
      const answer = await client.call(
        'verifyPlate',
        { plate: `${plate.slice(0, 1)}-${plate.slice(1, 3)} ${plate.slice(3)}`.toLowerCase() },
        police,
      );
      const { vehicle } = await client.call('getVehicle', { id: vehicleId }, officer);
      // The mission comes from the replica: no second lookup in accreditation. The owner's immunity is
      // never passed off as the driver's: no name, category or immunity level.
      expect(withoutVirtualOneofs(answer.verification)).toEqual({
        status: 'valid',
        mission: 'Embassy FR',
        country: 'FR',
        guidance: {
          arrest: "Depends on the driver: verify the driver's ID card",
          residenceInviolable: "Depends on the driver: verify the driver's ID card",
          prosecution: "Depends on the driver: verify the driver's ID card",
          ticket: 'May be issued a traffic citation',
        },
        plate,
        registration: { status: 'active', expiresOn: vehicle.registration.expiresOn },
        insuranceStatus: 'insured',
        note: "Immunity belongs to the driver, not the vehicle: verify the driver's ID card (?idCard=).",
        // The vehicle the plate was issued to, so the officer sees whether the plate is on it.
        vehicle: { make: vehicle.make, model: vehicle.model, year: vehicle.year, vin: vehicle.vin },
        licence: null,
        checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(Date.parse(answer.verification.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(answer.vehicle).toMatchObject({ id: vehicleId, plate, ownerMemberId: diplomat });
      const audits = (await ds.query(
        `SELECT actor_subject, after->>'status' AS status FROM audit_record
          WHERE action = 'plate.verified' AND entity_id = $1 ORDER BY occurred_at`,
        [vehicleId],
      )) as unknown[];
      expect(audits).toEqual([
        { actor_subject: 'police-1', status: 'suspended' },
        { actor_subject: 'police-1', status: 'valid' },
      ]);
    });

    it('answers a plate OFM never issued as unknown, and audits that too', async () => {
      const answer = await client.call('verifyPlate', { plate: 'DEA9999' }, police);
      expect(answer.vehicle).toBeNull();
      expect(withoutVirtualOneofs(answer.verification)).toEqual({
        status: 'unknown',
        plate: 'DEA9999',
        guidance: null,
        registration: null,
        vehicle: null,
        licence: null,
        checkedAt: expect.any(String),
      });
      const audits = (await ds.query(
        `SELECT actor_subject, after FROM audit_record WHERE action = 'plate.verified' AND entity_id = 'DEA9999'`,
      )) as unknown[];
      expect(audits).toEqual([
        { actor_subject: 'police-1', after: { plate: 'DEA9999', status: 'unknown', found: false } },
      ]);
      const malformed = await failureOf(client.call('verifyPlate', { plate: 'DEA_9999' }, police));
      expect(malformed.code).toBe(status.INVALID_ARGUMENT);
      expect(malformed.problem.errors.map((e: { field: string }) => e.field)).toEqual(['plate']);
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
      const ownMission = await client.call(
        'registerVehicle',
        { ownerMissionId: missionA, ...car(newVin()), kind: 'trailer' },
        missionUserA,
      );
      expect(ownMission.vehicle).toMatchObject({ ownerMissionId: missionA, missionId: missionA });
      const vehiclesBefore = (await ds.query(`SELECT count(*)::int AS n FROM vehicle`)) as Array<{ n: number }>;

      // Decided here with the actor received: another mission's member or mission is not found,
      // exactly like one that does not exist, and nothing is registered.
      const otherMember = await failureOf(
        client.call('registerVehicle', { ownerMemberId: staffer, ...car(newVin()) }, missionUserA),
      );
      expect(otherMember.code).toBe(status.NOT_FOUND);
      const unknownMember = await failureOf(
        client.call('registerVehicle', { ownerMemberId: randomUUID(), ...car(newVin()) }, missionUserA),
      );
      expect(unknownMember.code).toBe(status.NOT_FOUND);
      const otherMission = await failureOf(
        client.call('registerVehicle', { ownerMissionId: missionB, ...car(newVin()) }, missionUserA),
      );
      expect(otherMission.code).toBe(status.NOT_FOUND);
      const noMission = await failureOf(
        client.call(
          'registerVehicle',
          { ownerMemberId: diplomat, ...car(newVin()) },
          {
            subject: 'mission-none',
            roles: ['mission-user'],
          },
        ),
      );
      expect(noMission.code).toBe(status.NOT_FOUND);
      const vehiclesAfter = (await ds.query(`SELECT count(*)::int AS n FROM vehicle`)) as Array<{ n: number }>;
      expect(vehiclesAfter[0]!.n).toBe(vehiclesBefore[0]!.n);

      // Another mission's vehicle: not found for every read and write of a mission user.
      const otherVehicle = await failureOf(client.call('getVehicle', { id: own.vehicle.id }, missionUserB));
      expect(otherVehicle.code).toBe(status.NOT_FOUND);
      const otherInsurance = await failureOf(
        client.call('addInsurancePolicy', validPolicy(own.vehicle.id), missionUserB),
      );
      expect(otherInsurance.code).toBe(status.NOT_FOUND);
      const otherPolicies = await failureOf(
        client.call('listInsurancePolicies', { vehicleId: own.vehicle.id }, missionUserB),
      );
      expect(otherPolicies.code).toBe(status.NOT_FOUND);

      // Its own mission's policy is answered; the same policy is not found for another mission.
      const { policy } = await client.call(
        'addInsurancePolicy',
        {
          ...validPolicy(own.vehicle.id),
          bodilyInjuryPerPerson: usd('100000.00'),
          bodilyInjuryPerAccident: usd('300000.00'),
          propertyDamage: usd('50000.00'),
        },
        missionUserA,
      );
      const mine = await client.call(
        'getInsurancePolicy',
        { vehicleId: own.vehicle.id, policyId: policy.id },
        missionUserA,
      );
      expect(mine.policy.id).toBe(policy.id);
      const otherPolicy = await failureOf(
        client.call('getInsurancePolicy', { vehicleId: own.vehicle.id, policyId: policy.id }, missionUserB),
      );
      expect(otherPolicy.code).toBe(status.NOT_FOUND);
      // The refused insurance recorded nothing: only mission A's own policy exists.
      const policies = (await ds.query(`SELECT id FROM insurance_policy WHERE vehicle_id = $1`, [
        own.vehicle.id,
      ])) as Array<{ id: string }>;
      expect(policies).toEqual([{ id: policy.id }]);
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
      // A mission-owned vehicle is verified with its mission's name and country, and the same note:
      // immunity belongs to whoever drives it.
      const verified = await client.call('verifyPlate', { plate: vehicle.plate }, police);
      expect(verified.vehicle).toMatchObject({ ownerMissionId: missionB });
      expect(verified.vehicle.ownerMemberId).toBeUndefined();
      expect(verified.verification).toMatchObject({
        status: 'valid',
        mission: 'Embassy BT',
        country: 'BT',
        plate: vehicle.plate,
        registration: { status: 'active' },
        insuranceStatus: 'uninsured',
        note: "Immunity belongs to the driver, not the vehicle: verify the driver's ID card (?idCard=).",
      });
      for (const field of ['name', 'category', 'immunityLevel']) expect(verified.verification[field]).toBeUndefined();
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
    expect(await sweep.sweep(addDays(today, 9))).toMatchObject({ lapsed: 0, suspended: 0 });
    const result = await sweep.sweep(addDays(today, 10));
    expect(result.suspended).toBeGreaterThanOrEqual(1);
    const { vehicle: after } = await client.call('getVehicle', { id: vehicle.id }, officer);
    expect(after).toMatchObject({ registration: { status: 'suspended' }, insuranceStatus: 'lapsed' });
    const { verification } = await client.call('verifyPlate', { plate: vehicle.plate }, police);
    expect(verification).toMatchObject({ status: 'suspended', insuranceStatus: 'lapsed' });
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
    expect(await sweep.sweep(addDays(today, 10))).toMatchObject({ lapsed: 0, suspended: 0 });

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
      // Terminated 40 days ago: past the 30 days to dispose of the vehicles, so flagged at once.
      member: member(diplomat, missionA, {
        status: 'terminated',
        version: 3,
        terminationReason: 'end of assignment',
        terminationEffectiveDate: addDays(today, -40),
      }),
      principalId: '',
    });
    await processed(terminated.id);
    const { vehicle: after } = await client.call('getVehicle', { id: vehicle.id }, officer);
    expect(after.registration.status).toBe('disposal-due');
    expect(after.disposalDueOn).toBe(addDays(today, -10));
    // The owner's appointment ended: the plate no longer verifies as valid.
    const { verification } = await client.call('verifyPlate', { plate: vehicle.plate }, police);
    expect(verification).toMatchObject({ status: 'terminated', registration: { status: 'disposal-due' } });

    const flag = await waitFor(() => flagsSeen().find((f) => f.subjectId === vehicle.id), {
      timeoutMs: 60_000,
      what: 'the disposal-due flag on ofm.compliance.flag.v1',
    });
    expect(flag.reasonCode).toBe('disposal-due');

    // Redeliver the very same message (same ce_id), then a later event on the same key/partition:
    // once that one is processed, the duplicate before it has been seen and skipped.
    await v.redeliver(terminated.id);
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
