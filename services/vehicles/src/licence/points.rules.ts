import { addDays, addYears, isAfter, isBefore, ofmDay, type IsoDay } from '@ofm/kernel';

// The points rules of DOMAIN.md "Driver licences": 8 points in 2 years → review, 12 → suspension;
// a DUI with a refused test → suspension up to a year. Pure: days are OFM's days (America/New_York),
// already computed by the caller with ofmDay, so no time zone or clock enters here.

export const REVIEW_POINTS = 8;
export const SUSPENSION_POINTS = 12;
export const POINTS_WINDOW_YEARS = 2;

export type PointsStanding = 'clear' | 'review' | 'suspension';

export interface PointedViolation {
  date: IsoDay;
  points: number;
}

/**
 * The rolling window ending on `on`: the two years (addYears(on, -2), on]. A violation of 10 May 2024
 * counts through 9 May 2026 and no longer on 10 May 2026, its second anniversary. A violation of
 * 29 February 2024 counts through 28 February 2026 (that window starts on 28 February 2024) and
 * drops on 1 March 2026: a leap day never shortens the two years.
 */
export const inWindow = (violationDay: IsoDay, on: IsoDay): boolean =>
  !isAfter(violationDay, on) && isAfter(violationDay, addYears(on, -POINTS_WINDOW_YEARS));

/** The first day a violation no longer counts: the first day whose window starts on or after it. */
export const droppedOn = (violationDay: IsoDay): IsoDay => {
  const anniversary = addYears(violationDay, POINTS_WINDOW_YEARS);
  // addYears turns 29 February into 28 February, whose window still holds the leap day.
  return isAfter(violationDay, addYears(anniversary, -POINTS_WINDOW_YEARS)) ? addDays(anniversary, 1) : anniversary;
};

/** The points within the window ending on `on`. */
export const pointsOn = (violations: readonly PointedViolation[], on: IsoDay): number =>
  violations.reduce((sum, v) => (inWindow(v.date, on) ? sum + v.points : sum), 0);

/** The points at an instant: the window ends on that instant's day in Washington, not in UTC. */
export const pointsAt = (violations: readonly PointedViolation[], at: Date): number => pointsOn(violations, ofmDay(at));

export const standingOf = (points: number): PointsStanding =>
  points >= SUSPENSION_POINTS ? 'suspension' : points >= REVIEW_POINTS ? 'review' : 'clear';

/**
 * The last day the points stay at or above the suspension threshold, from `from` on; undefined when
 * they are below it on `from`. Points only fall on the days violations drop out, so those are the
 * only days to try.
 */
export const lastDayAtSuspensionPoints = (
  violations: readonly PointedViolation[],
  from: IsoDay,
): IsoDay | undefined => {
  if (pointsOn(violations, from) < SUSPENSION_POINTS) return undefined;
  const drops = [...new Set(violations.map((v) => droppedOn(v.date)))].filter((d) => isAfter(d, from)).sort();
  for (const day of drops) {
    if (pointsOn(violations, day) < SUSPENSION_POINTS) return addDays(day, -1);
  }
  // Unreachable: once every violation has dropped out, the points are 0.
  throw new Error('points never fall below the threshold');
};

export interface SuspensionDecision {
  reason: 'points' | 'dui-test-refused';
  startsOn: IsoDay;
  endsOn: IsoDay;
}

export interface RecordedViolation extends PointedViolation {
  dui: boolean;
  testRefused: boolean;
}

/**
 * The suspensions a newly recorded violation brings, given every violation of the licence (it
 * included) and the day it is recorded. Points: suspended from the day the points are known (the
 * recording day) while the window holds 12 or more. DUI with a refused test: from the offence's
 * day for `duiRefusalDays` days (configurable, at most a year); nothing if that has already passed.
 */
export const suspensionsFor = (
  violation: RecordedViolation,
  all: readonly PointedViolation[],
  recordedOn: IsoDay,
  duiRefusalDays: number,
): SuspensionDecision[] => {
  const decisions: SuspensionDecision[] = [];
  if (violation.dui && violation.testRefused) {
    const endsOn = addDays(violation.date, duiRefusalDays - 1);
    if (!isBefore(endsOn, recordedOn)) decisions.push({ reason: 'dui-test-refused', startsOn: violation.date, endsOn });
  }
  if (violation.points > 0) {
    const endsOn = lastDayAtSuspensionPoints(all, recordedOn);
    if (endsOn) decisions.push({ reason: 'points', startsOn: recordedOn, endsOn });
  }
  return decisions;
};

/** The suspension in force on `on` that ends last, if any. */
export const suspensionOn = <S extends { startsOn: IsoDay; endsOn: IsoDay }>(
  suspensions: readonly S[],
  on: IsoDay,
): S | undefined =>
  suspensions
    .filter((s) => !isAfter(s.startsOn, on) && !isBefore(s.endsOn, on))
    .sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : 0))[0];

export type LicenceStatus = 'valid' | 'suspended' | 'expired' | 'ended';

/** The licence's status on `on`: ended with the appointment, expired after its day, else suspended or valid. */
export const licenceStatusOn = (
  licence: { expiresOn: IsoDay; endedOn?: IsoDay | null },
  suspensions: readonly { startsOn: IsoDay; endsOn: IsoDay }[],
  on: IsoDay,
): LicenceStatus => {
  if (licence.endedOn && !isAfter(licence.endedOn, on)) return 'ended';
  if (isBefore(licence.expiresOn, on)) return 'expired';
  return suspensionOn(suspensions, on) ? 'suspended' : 'valid';
};

/** A review is due (the points-threshold flag) when the window holds 8 points or more. */
export const reviewDue = (points: number): boolean => points >= REVIEW_POINTS;

export type PointsFlagChange = 'raise' | 'clear' | 'keep';

/**
 * What becomes of the points-threshold flag once the points in the window are known: raised when
 * they reach 8 with none open, cleared when they are below 8 with one open (violations aged out),
 * else left as it is. One rule for the violation command and the daily review sweep, so the two
 * never disagree on the day a flag ends.
 */
export const pointsFlagChange = (flagOpen: boolean, points: number): PointsFlagChange =>
  reviewDue(points) ? (flagOpen ? 'keep' : 'raise') : flagOpen ? 'clear' : 'keep';
