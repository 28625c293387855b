import { TRAVEL_PURPOSE, TRAVEL_STATUS, type TravelPurpose } from '@ofm/contracts';
import { COLUMBUS_CIRCLE, WHITE_HOUSE, type TravelControlsOfMember } from '@ofm/reciprocity';
import { computeDestinationPoint } from 'geolib';
import {
  checkDates,
  decide,
  distanceMiles,
  initialStatus,
  isEngagement,
  leadTimeMet,
  travelFlag,
  travelRequirement,
} from './travel.rules';

const METRES_PER_MILE = 1609.344;
// geolib's getDistance measures on a sphere of the WGS 84 equatorial radius; computeDestinationPoint
// defaults to the mean radius, so it is given the same one.
const EARTH_RADIUS_M = 6378137;
// A point `miles` from the centre on `bearing`, on the sphere the distance is measured on.
const milesFrom = (centre: { lat: number; lon: number }, miles: number, bearing = 0) => {
  const p = computeDestinationPoint(
    { latitude: centre.lat, longitude: centre.lon },
    miles * METRES_PER_MILE,
    bearing,
    EARTH_RADIUS_M,
  );
  return { lat: p.latitude, lon: p.longitude };
};

const controls = (over: Partial<TravelControlsOfMember> = {}): TravelControlsOfMember => ({
  controls: 'notify',
  radiusMiles: 25,
  leadTimeHours: 24,
  centre: WHITE_HOUSE,
  engagementNotices: false,
  country: 'RU',
  profileVersion: 2,
  ...over,
});

describe('distanceMiles', () => {
  it('is 0 at the centre and symmetric', () => {
    expect(distanceMiles(WHITE_HOUSE, WHITE_HOUSE)).toBe(0);
    const baltimore = { lat: 39.2904, lon: -76.6122 };
    expect(distanceMiles(WHITE_HOUSE, baltimore)).toBe(distanceMiles(baltimore, WHITE_HOUSE));
  });

  it('measures real places: the White House to Baltimore (~35 mi) and to Columbus Circle (~205 mi)', () => {
    expect(distanceMiles(WHITE_HOUSE, { lat: 39.2904, lon: -76.6122 })).toBeCloseTo(35, 0);
    const ny = distanceMiles(WHITE_HOUSE, COLUMBUS_CIRCLE);
    expect(ny).toBeGreaterThan(200);
    expect(ny).toBeLessThan(210);
  });

  it.each([24.9, 25.0, 25.1, 30, 0.5])('reads a point %s miles out as that distance, to the hundredth', (miles) => {
    for (const bearing of [0, 90, 200])
      expect(distanceMiles(WHITE_HOUSE, milesFrom(WHITE_HOUSE, miles, bearing))).toBe(miles);
  });
});

describe('travelRequirement at the radius boundary (25 miles of the White House)', () => {
  it.each<[number, boolean]>([
    [24.9, false],
    [25.0, false],
    [25.1, true],
  ])('%s miles out: notice required %s (beyond means strictly more)', (miles, beyond) => {
    const r = travelRequirement(controls(), milesFrom(WHITE_HOUSE, miles, 45), 'personal');
    expect(r).toEqual({ noticeRequired: beyond, approvalRequired: false, distanceMiles: miles, centre: WHITE_HOUSE });
    const approve = travelRequirement(controls({ controls: 'approve' }), milesFrom(WHITE_HOUSE, miles, 45), 'personal');
    expect(approve).toMatchObject({ noticeRequired: beyond, approvalRequired: beyond });
  });

  it('measures a UN mission from Columbus Circle', () => {
    const near = milesFrom(COLUMBUS_CIRCLE, 10);
    expect(travelRequirement(controls({ centre: COLUMBUS_CIRCLE }), near, 'personal').noticeRequired).toBe(false);
    // The same point is far from the White House.
    expect(travelRequirement(controls(), near, 'personal').noticeRequired).toBe(true);
  });

  it('uses the profile radius', () => {
    const p = milesFrom(WHITE_HOUSE, 30);
    expect(travelRequirement(controls({ radiusMiles: 50 }), p, 'personal').noticeRequired).toBe(false);
    expect(travelRequirement(controls({ radiusMiles: 10 }), p, 'personal').noticeRequired).toBe(true);
  });
});

describe('travelRequirement by controls and purpose', () => {
  const far = milesFrom(WHITE_HOUSE, 100);
  const near = milesFrom(WHITE_HOUSE, 5);
  const cases = (['none', 'notify', 'approve'] as const).flatMap((c) =>
    [true, false].flatMap((engagementNotices) =>
      TRAVEL_PURPOSE.flatMap((purpose) => [true, false].map((beyond) => ({ c, engagementNotices, purpose, beyond }))),
    ),
  );

  it('covers every controls, engagement setting, purpose and side of the radius (60 cases)', () => {
    expect(cases).toHaveLength(60);
  });

  it.each(cases)('$c, engagement notices $engagementNotices, $purpose, beyond $beyond', (k) => {
    const r = travelRequirement(
      controls({ controls: k.c, engagementNotices: k.engagementNotices }),
      k.beyond ? far : near,
      k.purpose,
    );
    const engagement = k.engagementNotices && isEngagement(k.purpose);
    expect(r.noticeRequired).toBe((k.beyond && k.c !== 'none') || engagement);
    // Engagements are notice only: approval follows the radius and the controls alone.
    expect(r.approvalRequired).toBe(k.beyond && k.c === 'approve');
  });

  it.each<[TravelPurpose, boolean]>([
    ['personal', false],
    ['official', false],
    ['official-meeting', true],
    ['university-visit', true],
    ['laboratory-visit', true],
  ])('%s is an engagement: %s', (purpose, engagement) => expect(isEngagement(purpose)).toBe(engagement));
});

describe('leadTimeMet', () => {
  const departs = new Date('2026-12-10T12:00:00Z');
  it.each<[string, boolean]>([
    ['2026-12-09T11:59:59Z', true],
    ['2026-12-09T12:00:00Z', true],
    ['2026-12-09T12:00:01Z', false],
    ['2026-12-10T13:00:00Z', false],
  ])('submitted %s for 24 hours: %s', (at, met) => expect(leadTimeMet(new Date(at), departs, 24, true)).toBe(met));

  it('is met with a 0-hour lead time up to departure, and whenever nothing was due', () => {
    expect(leadTimeMet(departs, departs, 0, true)).toBe(true);
    expect(leadTimeMet(new Date('2026-12-11T00:00:00Z'), departs, 24, false)).toBe(true);
  });
});

describe('initialStatus', () => {
  it('waits for approval where it is required, and is noted otherwise', () => {
    expect(initialStatus({ approvalRequired: true })).toBe('pending-approval');
    expect(initialStatus({ approvalRequired: false })).toBe('noted');
  });
});

describe('travelFlag', () => {
  it.each([
    [{ reportedByOfficer: false, noticeRequired: true, leadTimeMet: true }, null],
    [{ reportedByOfficer: false, noticeRequired: true, leadTimeMet: false }, 'travel-notice-late'],
    [{ reportedByOfficer: true, noticeRequired: true, leadTimeMet: false }, 'travel-without-notice'],
    [{ reportedByOfficer: true, noticeRequired: true, leadTimeMet: true }, 'travel-without-notice'],
    [{ reportedByOfficer: true, noticeRequired: false, leadTimeMet: true }, null],
    [{ reportedByOfficer: false, noticeRequired: false, leadTimeMet: false }, null],
  ])('%o → %s', (input, flag) => expect(travelFlag(input)).toBe(flag));
});

describe('checkDates', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('accepts a trip to come, and one that began less than a day ago', () => {
    expect(checkDates(at('2026-12-05T08:00:00Z'), at('2026-12-06T08:00:00Z'), now, false)).toEqual({ ok: true });
    expect(checkDates(at('2026-11-30T12:00:00Z'), at('2026-12-02T08:00:00Z'), now, false)).toEqual({ ok: true });
  });

  it('refuses a return at or before departure, naming returnsAt', () => {
    for (const returns of ['2026-12-05T08:00:00Z', '2026-12-04T08:00:00Z'])
      expect(checkDates(at('2026-12-05T08:00:00Z'), at(returns), now, false)).toEqual({
        ok: false,
        field: 'returnsAt',
        message: 'returnsAt must be after departsAt',
      });
  });

  it('refuses a departure more than a day in the past, unless an officer reports the trip', () => {
    const departs = at('2026-11-30T11:59:59Z');
    expect(checkDates(departs, at('2026-12-01T08:00:00Z'), now, false)).toEqual({
      ok: false,
      field: 'departsAt',
      message: 'departsAt is more than a day in the past',
    });
    expect(checkDates(at('2026-10-01T08:00:00Z'), at('2026-10-03T08:00:00Z'), now, true)).toEqual({ ok: true });
  });

  it('refuses an officer report of a trip that has not departed yet', () => {
    expect(checkDates(at('2026-12-02T08:00:00Z'), at('2026-12-03T08:00:00Z'), now, true)).toMatchObject({
      ok: false,
      field: 'departsAt',
    });
  });
});

describe('decide', () => {
  it.each(TRAVEL_STATUS)('%s', (status) => {
    if (status === 'pending-approval') {
      expect(decide(status, 'approve')).toEqual({ ok: true, status: 'approved' });
      expect(decide(status, 'deny')).toEqual({ ok: true, status: 'denied' });
    } else {
      expect(decide(status, 'approve')).toEqual({
        ok: false,
        message: `The travel notification is ${status}: only one pending approval is decided`,
      });
    }
  });
});
