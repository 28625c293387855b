import { addDays, daysBetween } from '@ofm/kernel';
import {
  droppedOn,
  inWindow,
  lastDayAtSuspensionPoints,
  licenceStatusOn,
  pointsAt,
  pointsFlagChange,
  pointsOn,
  standingOf,
  suspensionOn,
  suspensionsFor,
} from './points.rules';

// Every day of 2023–2026 as a violation day: the window ends exactly on droppedOn, never a day early
// or late, and always spans two calendar years (730 or 731 days).
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));

describe('the rolling two-year points window', () => {
  it.each([
    ['2024-05-10', '2024-05-10', true],
    ['2024-05-10', '2026-05-09', true],
    ['2024-05-10', '2026-05-10', false],
    ['2024-05-10', '2024-05-09', false],
    // Leap day: counts through 28 February 2026, drops on 1 March.
    ['2024-02-29', '2026-02-28', true],
    ['2024-02-29', '2026-03-01', false],
    // 28 February 2026 drops on 28 February 2028, a leap year, not on the 29th.
    ['2026-02-28', '2028-02-27', true],
    ['2026-02-28', '2028-02-28', false],
    ['2026-03-01', '2028-02-29', true],
    ['2026-03-01', '2028-03-01', false],
    // A year's last day.
    ['2024-12-31', '2026-12-30', true],
    ['2024-12-31', '2026-12-31', false],
  ])('a violation of %s counts on %s: %s', (violation, on, counts) => {
    expect(inWindow(violation, on)).toBe(counts);
  });

  it.each([
    ['2024-05-10', '2026-05-10'],
    ['2024-02-29', '2026-03-01'],
    ['2024-02-28', '2026-02-28'],
    ['2026-02-28', '2028-02-28'],
    ['2027-02-28', '2029-02-28'],
    ['2028-02-29', '2030-03-01'],
  ])('a violation of %s drops out on %s', (violation, dropped) => {
    expect(droppedOn(violation)).toBe(dropped);
  });

  it('for every violation day of four years, counts every day until droppedOn and none after', () => {
    for (const day of days('2023-01-01', 4 * 366)) {
      const dropped = droppedOn(day);
      expect(inWindow(day, addDays(dropped, -1))).toBe(true);
      expect(inWindow(day, dropped)).toBe(false);
      expect(inWindow(day, day)).toBe(true);
      expect(inWindow(day, addDays(day, -1))).toBe(false);
      expect([730, 731]).toContain(daysBetween(day, dropped));
    }
  });

  it('sums the points in the window only', () => {
    const violations = [
      { date: '2024-01-10', points: 4 },
      { date: '2025-06-01', points: 3 },
      { date: '2026-01-09', points: 2 },
    ];
    expect(pointsOn(violations, '2026-01-09')).toBe(9);
    expect(pointsOn(violations, '2026-01-10')).toBe(5);
    expect(pointsOn(violations, '2025-12-31')).toBe(7);
  });
});

describe('the window in OFM time', () => {
  it('ends on the day it is in Washington: 03:30 UTC on 10 May is still 9 May there', () => {
    const violations = [{ date: '2024-05-10', points: 8 }];
    expect(pointsAt(violations, new Date('2026-05-10T03:30:00Z'))).toBe(8);
    expect(pointsAt(violations, new Date('2026-05-10T04:00:00Z'))).toBe(0);
    // In winter New York is UTC-5.
    const winter = [{ date: '2024-01-10', points: 8 }];
    expect(pointsAt(winter, new Date('2026-01-10T04:59:59Z'))).toBe(8);
    expect(pointsAt(winter, new Date('2026-01-10T05:00:00Z'))).toBe(0);
  });
});

describe('standing and suspension', () => {
  it.each([
    [0, 'clear'],
    [7, 'clear'],
    [8, 'review'],
    [11, 'review'],
    [12, 'suspension'],
    [30, 'suspension'],
  ])('%i points stand at %s', (points, standing) => {
    expect(standingOf(points)).toBe(standing);
  });

  it('suspends for points until the day before they fall below 12', () => {
    const all = [
      { date: '2025-03-01', points: 6 },
      { date: '2025-09-15', points: 4 },
      { date: '2026-11-20', points: 2 },
    ];
    // 12 points on 2026-11-20; the first 6 drop on 2027-03-01.
    expect(lastDayAtSuspensionPoints(all, '2026-11-25')).toBe('2027-02-28');
    expect(lastDayAtSuspensionPoints(all.slice(0, 2), '2026-11-25')).toBeUndefined();
    expect(
      suspensionsFor({ date: '2026-11-20', points: 2, dui: false, testRefused: false }, all, '2026-11-25', 365),
    ).toEqual([{ reason: 'points', startsOn: '2026-11-25', endsOn: '2027-02-28' }]);
  });

  it('keeps a suspension while a later violation holds the points at 12', () => {
    const all = [
      { date: '2025-01-01', points: 6 },
      { date: '2025-06-01', points: 6 },
      { date: '2026-12-01', points: 6 },
    ];
    // 1 Jan 2027 drops 6 (12 left with June 2025 and Dec 2026), 1 Jun 2027 drops the next 6.
    expect(lastDayAtSuspensionPoints(all, '2026-12-01')).toBe('2027-05-31');
  });

  it('suspends a DUI with a refused test from the offence for the configured days', () => {
    const dui = { date: '2026-11-01', points: 0, dui: true, testRefused: true };
    expect(suspensionsFor(dui, [dui], '2026-11-03', 365)).toEqual([
      { reason: 'dui-test-refused', startsOn: '2026-11-01', endsOn: '2027-10-31' },
    ]);
    expect(suspensionsFor(dui, [dui], '2026-11-03', 90)).toEqual([
      { reason: 'dui-test-refused', startsOn: '2026-11-01', endsOn: '2027-01-29' },
    ]);
    // Recorded after the period ended: nothing to suspend.
    expect(suspensionsFor(dui, [dui], '2027-11-01', 365)).toEqual([]);
    // A DUI with the test taken, or a refusal without DUI, suspends nothing by itself.
    expect(suspensionsFor({ ...dui, testRefused: false }, [dui], '2026-11-03', 365)).toEqual([]);
    expect(suspensionsFor({ ...dui, dui: false }, [dui], '2026-11-03', 365)).toEqual([]);
  });

  it('gives the suspension in force on a day, the longest first', () => {
    const s = [
      { startsOn: '2026-01-01', endsOn: '2026-03-31' },
      { startsOn: '2026-02-01', endsOn: '2026-12-31' },
    ];
    expect(suspensionOn(s, '2025-12-31')).toBeUndefined();
    expect(suspensionOn(s, '2026-01-01')).toBe(s[0]);
    expect(suspensionOn(s, '2026-02-15')).toBe(s[1]);
    expect(suspensionOn(s, '2026-12-31')).toBe(s[1]);
    expect(suspensionOn(s, '2027-01-01')).toBeUndefined();
  });

  it('decides the status: ended, then expired, then suspended, else valid', () => {
    const suspended = [{ startsOn: '2026-06-01', endsOn: '2026-06-30' }];
    expect(licenceStatusOn({ expiresOn: '2027-01-01' }, [], '2026-06-15')).toBe('valid');
    expect(licenceStatusOn({ expiresOn: '2027-01-01' }, suspended, '2026-06-15')).toBe('suspended');
    expect(licenceStatusOn({ expiresOn: '2026-06-15' }, [], '2026-06-15')).toBe('valid');
    expect(licenceStatusOn({ expiresOn: '2026-06-14' }, suspended, '2026-06-15')).toBe('expired');
    expect(licenceStatusOn({ expiresOn: '2027-01-01', endedOn: '2026-06-15' }, suspended, '2026-06-15')).toBe('ended');
    expect(licenceStatusOn({ expiresOn: '2027-01-01', endedOn: '2026-06-16' }, [], '2026-06-15')).toBe('valid');
  });
});

describe('the points-threshold flag as the points age out', () => {
  const flagOn = (violations: Array<{ date: string; points: number }>, on: string) =>
    pointsFlagChange(true, pointsOn(violations, on));

  it('raises at 8 with none open, keeps it while 8 or more, clears below 8, and never raises twice', () => {
    expect(pointsFlagChange(false, 8)).toBe('raise');
    expect(pointsFlagChange(true, 8)).toBe('keep');
    expect(pointsFlagChange(true, 13)).toBe('keep');
    expect(pointsFlagChange(true, 7)).toBe('clear');
    expect(pointsFlagChange(false, 7)).toBe('keep');
    expect(pointsFlagChange(false, 0)).toBe('keep');
  });

  it('clears on the day the violation turns exactly two years old, not the day before', () => {
    const violations = [
      { date: '2024-05-10', points: 4 },
      { date: '2025-01-15', points: 4 },
    ];
    expect(flagOn(violations, '2026-05-09')).toBe('keep');
    expect(flagOn(violations, '2026-05-10')).toBe('clear');
  });

  it('keeps a leap-day violation through 28 February and clears on 1 March two years on', () => {
    const violations = [
      { date: '2024-02-29', points: 6 },
      { date: '2025-06-01', points: 2 },
    ];
    expect(flagOn(violations, '2026-02-28')).toBe('keep');
    expect(flagOn(violations, '2026-03-01')).toBe('clear');
  });

  it('keeps the flag when another violation within the window still holds the points at 8', () => {
    const violations = [
      { date: '2024-05-10', points: 4 },
      { date: '2025-01-15', points: 4 },
      { date: '2026-05-10', points: 4 },
    ];
    expect(flagOn(violations, '2026-05-10')).toBe('keep');
    expect(flagOn(violations, '2027-01-15')).toBe('clear');
  });
});
