import { EVENT_TYPES, TOPICS, type vehicles } from '@ofm/contracts';
import { dmvNotice } from './dmv.notice';
import { missionsNamedBy, partnerNoticesFor } from './partner-notices';
import { plateNotice } from './plate.notice';

// Partner topics are curated (CONTRACT.md): each builder gives exactly the fields the partner needs,
// whatever the internal event carried beside them.

const MISSION = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const vehicle: vehicles.Vehicle = {
  id: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  ownerMemberId: '11111111-2222-4333-8444-555555555555',
  vin: '1M8GDM9AXKP042788',
  make: 'Toyota',
  model: 'Camry',
  year: 2024,
  kind: 'car',
  plate: 'DFR0001',
  registration: { status: 'suspended', expiresOn: '2027-11-01', registeredOn: '2026-11-01' },
  insuranceStatus: 'lapsed',
  version: 3,
  missionId: MISSION,
  createdAt: '2026-11-01T15:00:00.000Z',
  updatedAt: '2026-12-01T15:00:00.000Z',
  replacedPlates: [],
  titles: [],
};
// 03:30 UTC on 2 December is still 1 December in Washington.
const context = {
  missionName: (id: string) => (id === MISSION ? 'Embassy of France' : '?'),
  now: new Date('2026-12-02T03:30:00Z'),
};
const DMV_FIELDS = [
  'change',
  'plate',
  'vin',
  'make',
  'model',
  'year',
  'registrationStatus',
  'registrationExpiresOn',
  'insuranceStatus',
  'effectiveOn',
].sort();
const PLATE_FIELDS = ['change', 'plate', 'vin', 'status', 'mission', 'effectiveOn'].sort();
const encoded = (n: { type: { fns: { toJSON(m: unknown): unknown } }; data: unknown }) =>
  n.type.fns.toJSON(n.data) as Record<string, unknown>;

describe('partner notice builders', () => {
  it('gives a DMV only the vehicle and its statuses with their dates', () => {
    const notice = dmvNotice('registration-suspended', vehicle, '2026-12-01');
    expect(notice.type).toBe(EVENT_TYPES.vehicleStatusReported);
    expect(notice.type.topic).toBe(TOPICS.partnerDmv);
    expect(notice.subject).toBe(vehicle.vin);
    expect(Object.keys(notice.data).sort()).toEqual(DMV_FIELDS);
    expect(notice.data).toEqual({
      change: 'registration-suspended',
      plate: 'DFR0001',
      vin: '1M8GDM9AXKP042788',
      make: 'Toyota',
      model: 'Camry',
      year: 2024,
      registrationStatus: 'suspended',
      registrationExpiresOn: '2027-11-01',
      insuranceStatus: 'lapsed',
      effectiveOn: '2026-12-01',
    });
    const wire = JSON.stringify(encoded(notice));
    for (const secret of [vehicle.id, vehicle.ownerMemberId!, MISSION]) expect(wire).not.toContain(secret);
  });

  it('gives law enforcement the plate, VIN, status and the mission name, nothing of the owner', () => {
    const notice = plateNotice('reported-stolen', vehicle, 'Embassy of France', '2026-12-01', 'DFR0000');
    expect(notice.type.topic).toBe(TOPICS.partnerLawEnforcement);
    expect(notice.subject).toBe('DFR0000');
    expect(Object.keys(notice.data).sort()).toEqual(PLATE_FIELDS);
    expect(notice.data).toEqual({
      change: 'reported-stolen',
      plate: 'DFR0000',
      vin: vehicle.vin,
      status: 'reported-stolen',
      mission: 'Embassy of France',
      effectiveOn: '2026-12-01',
    });
    const wire = JSON.stringify(encoded(notice));
    for (const secret of [vehicle.id, vehicle.ownerMemberId!, MISSION, 'Toyota']) expect(wire).not.toContain(secret);
  });
});

describe('partnerNoticesFor', () => {
  const event = (type: string | { type: string }, data: Record<string, unknown>) => ({
    type: typeof type === 'string' ? type : type.type,
    subject: vehicle.id,
    data,
  });
  const summary = (events: ReturnType<typeof partnerNoticesFor>) =>
    events.map((e) => [typeof e.type === 'string' ? e.type : e.type.topic, (e.data as { change: string }).change]);

  it.each([
    [EVENT_TYPES.registrationActivated, [[TOPICS.partnerDmv, 'registration-activated']]],
    [
      EVENT_TYPES.registrationSuspended,
      [
        [TOPICS.partnerDmv, 'registration-suspended'],
        [TOPICS.partnerLawEnforcement, 'suspended'],
      ],
    ],
    [EVENT_TYPES.registrationDisposalDue, [[TOPICS.partnerDmv, 'registration-disposal-due']]],
    [
      { type: 'gov.ofm.vehicles.vehicle.disposed.v1' },
      [
        [TOPICS.partnerDmv, 'registration-disposed'],
        [TOPICS.partnerLawEnforcement, 'disposed'],
      ],
    ],
    [EVENT_TYPES.insuranceRecorded, [[TOPICS.partnerDmv, 'insurance-recorded']]],
    [EVENT_TYPES.vehicleRegistered, []],
  ])('maps %j to its partner notices', (type, expected) => {
    expect(summary(partnerNoticesFor(event(type, { vehicle }), context))).toEqual(expected);
  });

  it('dates a lapse on its day, and other changes on OFM’s today', () => {
    const [lapse] = partnerNoticesFor(event(EVENT_TYPES.insuranceLapsed, { vehicle, lapsedOn: '2026-11-30' }), context);
    expect(lapse!.data).toMatchObject({ change: 'insurance-lapsed', effectiveOn: '2026-11-30' });
    const [activated] = partnerNoticesFor(event(EVENT_TYPES.registrationActivated, { vehicle }), context);
    expect(activated!.data).toMatchObject({ effectiveOn: '2026-12-01' });
  });

  it('reports the replaced plate as stolen, with the mission’s name', () => {
    const notices = partnerNoticesFor(
      event('gov.ofm.vehicles.plate.replaced.v1', {
        vehicle: { ...vehicle, plate: 'DFR0002' },
        replacedPlate: 'DFR0001',
        loss: 'lost',
      }),
      context,
    );
    expect(notices.map((n) => n.data)).toEqual([
      expect.objectContaining({ change: 'reported-stolen', plate: 'DFR0001', mission: 'Embassy of France' }),
    ]);
  });

  it('adds nothing for events without a vehicle (flags, licences)', () => {
    expect(partnerNoticesFor(event(EVENT_TYPES.flagRaised, { flag: {} }), context)).toEqual([]);
    expect(partnerNoticesFor(event(EVENT_TYPES.licenceSuspended, { licence: {} }), context)).toEqual([]);
  });

  it('names the missions whose names the law-enforcement notices need', () => {
    expect(
      missionsNamedBy([
        event(EVENT_TYPES.registrationSuspended, { vehicle }),
        event(EVENT_TYPES.insuranceLapsed, { vehicle: { ...vehicle, missionId: 'other' } }),
      ]),
    ).toEqual([MISSION]);
  });
});
