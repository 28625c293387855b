import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { accreditation, EVENT_TYPES, missions, TOPICS, type EventTypeSpec } from '@ofm/contracts';
import { addDays, ofmDay, testClock, type IsoDay } from '@ofm/kernel';
import type { PeriodicJobs } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import { failureOf, waitFor } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { PointsReviewSweep } from '../src/licence/points-review.sweep';
import { droppedOn } from '../src/licence/points.rules';
import { commitVehicleChange } from '../src/partner/commit-with-partner-notices';
import { startVehiclesUnderTest, type SeenEvent, type VehiclesUnderTest } from './vehicles-under-test';

// Driver licences on a fresh database and the real broker: accreditation's events are produced as
// its relay would; what vehicles publishes is read back from Kafka.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = ofmDay(new Date());
const nextYear = addDays(today, 365);

describe('driver licences (PostgreSQL + Kafka)', () => {
  let v: VehiclesUnderTest;
  let ds: DataSource;
  let seen: SeenEvent[];
  const call = <T = any>(method: string, request: unknown, actor: Actor = officer): Promise<T> =>
    v.licences.call<T>(method, request, actor);
  const publish = <T>(spec: EventTypeSpec<T>, subject: string, data: T) => v.publish(spec, subject, data);
  const processed = (eventId: string) => v.processed(eventId);

  const missionA = randomUUID();
  const driver = randomUUID();
  const speeder = randomUUID();
  const drunk = randomUUID();
  const leaver = randomUUID();
  const notified = randomUUID();
  const reviewed = randomUUID();
  const aged = randomUUID();

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
    v = await startVehiclesUnderTest({
      label: 'licence-test',
      env: {
        LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: '180',
        // The test runs the review sweep itself, with the clock it sets.
        LICENCE_POINTS_SWEEP_INTERVAL_MS: '0',
      },
      watch: [TOPICS.licence, TOPICS.complianceFlag, TOPICS.partnerDmv, TOPICS.partnerLawEnforcement],
    });
    ({ ds, seen } = v);

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
    for (const id of [driver, speeder, drunk, reviewed, aged])
      await publish(EVENT_TYPES.memberAccredited, id, { member: member(id, {}) });
    await processed(await publish(EVENT_TYPES.memberAccredited, leaver, { member: member(leaver, {}) }));
  }, 120_000);

  afterAll(async () => {
    await v?.stop();
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

  // The flag events on the compliance topic for a holder, as the outbox holds them (in order).
  const flagEventsOf = async (memberId: string) =>
    (
      (await ds.query(
        `SELECT type, payload->'flag'->>'id' AS id FROM outbox_event
          WHERE payload->'flag'->>'subjectId' = $1 AND payload->'flag'->>'reasonCode' = 'points-threshold'
          ORDER BY seq`,
        [memberId],
      )) as Array<{ type: string; id: string }>
    ).map((e) => ({ type: e.type, id: e.id }));

  it('clears the points-threshold flag once, on the day the oldest violation ages out of the window', async () => {
    const licence = await issue(reviewed);
    const oldest = addDays(today, -700);
    await violation(licence.id, 4, { date: oldest });
    expect((await violation(licence.id, 4, { date: addDays(today, -10) })).licence).toMatchObject({
      points: 8,
      pointsStanding: 'review',
    });
    const [raised] = await flagEventsOf(reviewed);
    expect(raised).toMatchObject({ type: EVENT_TYPES.flagRaised.type });

    // A sweep of the running service's own code, on the day a test clock stands at.
    const sweepOn = (day: IsoDay) => new PointsReviewSweep(ds, testClock(day), {} as PeriodicJobs, v.config).sweep();
    const agesOut = droppedOn(oldest);
    await sweepOn(addDays(agesOut, -1));
    expect(await flagEventsOf(reviewed)).toEqual([raised]);
    expect(await sweepOn(agesOut)).toBe(1);
    // A second run, that day or later, changes nothing.
    expect(await sweepOn(agesOut)).toBe(0);
    expect(await sweepOn(addDays(agesOut, 1))).toBe(0);
    expect(await flagEventsOf(reviewed)).toEqual([raised, { type: EVENT_TYPES.flagCleared.type, id: raised!.id }]);
    expect(await ds.query(`SELECT points_flag_id FROM licence WHERE id = $1`, [licence.id])).toEqual([
      { points_flag_id: null },
    ]);
    const audits = (await ds.query(`SELECT reason FROM audit_record WHERE action = $1 AND entity_id = $2`, [
      'licence.points-review-cleared',
      licence.id,
    ])) as Array<{ reason: string }>;
    expect(audits).toEqual([
      { reason: `licence ${licence.number}: 4 points in the two years ending ${agesOut}, below the review at 8` },
    ]);
    const cleared = await waitFor(
      () => seen.find((e) => e.type === EVENT_TYPES.flagCleared.type && e.data.flag?.subjectId === reviewed),
      { timeoutMs: 30_000, what: 'flag.cleared on the compliance topic' },
    );
    expect(cleared.data).toMatchObject({
      flag: { id: raised!.id, reasonCode: 'points-threshold', memberId: reviewed },
    });
  });

  it('clears the flag when a violation recorded after the older ones aged out leaves the points below 8', async () => {
    const licence = await issue(aged);
    await violation(licence.id, 4, { date: addDays(today, -5) });
    await violation(licence.id, 4, { date: addDays(today, -5) });
    // Two years pass for those two violations (their days moved back: the service's clock is the real one).
    await ds.query(`UPDATE licence_violation SET date = date - interval '2 years' WHERE licence_id = $1`, [licence.id]);
    expect((await violation(licence.id, 1)).licence).toMatchObject({ points: 1, pointsStanding: 'clear' });
    await violation(licence.id, 1);
    const events = await flagEventsOf(aged);
    expect(events.map((e) => e.type)).toEqual([EVENT_TYPES.flagRaised.type, EVENT_TYPES.flagCleared.type]);
    expect(events[1]!.id).toBe(events[0]!.id);
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
