import { addDays, addYears, isAfter, isBefore, isIsoDay, type IsoDay } from './calendar';

// The days a date field accepts, declared with the field in proto/ (ofm.vocabulary.v1.days) so that
// the OpenAPI document, the gateway and the services read the same bounds. A day no person or
// policy can have (a birth in 1066, an arrival on 9999-12-31) is a typing error, and refused
// before it reaches a rule that would compute 8,000 years of tenure with it.
//
// A bound is an ISO day ("1900-01-01"), "today", or an offset from today in days or years ("-60y",
// "+1y", "+30d"); today is OFM's, America/New_York.

export interface DayBounds {
  min?: string;
  max?: string;
}

const OFFSET = /^([+-])(\d{1,4})([dy])$/;

/** True for a bound in one of the three forms. */
export const isDayBound = (bound: string): boolean => bound === 'today' || OFFSET.test(bound) || isIsoDay(bound);

/** The day a bound stands for on `today`. */
export const resolveDayBound = (bound: string, today: IsoDay): IsoDay => {
  if (bound === 'today') return today;
  if (isIsoDay(bound)) return bound;
  const m = OFFSET.exec(bound);
  if (!m) throw new RangeError(`not a day bound: ${bound}`);
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return m[3] === 'y' ? addYears(today, n) : addDays(today, n);
};

/** A bound as declared, in words that hold on any day: "60 years before today", "today", "1900-01-01". */
export const dayBoundInWords = (bound: string): string => {
  const m = OFFSET.exec(bound);
  if (!m) return bound;
  const unit = m[3] === 'y' ? 'year' : 'day';
  return `${m[2]} ${unit}${m[2] === '1' ? '' : 's'} ${m[1] === '-' ? 'before' : 'after'} today`;
};

/** The first and last day the bounds accept on `today` (undefined where open). */
export const dayRange = (bounds: DayBounds, today: IsoDay): { min?: IsoDay; max?: IsoDay } => ({
  ...(bounds.min !== undefined ? { min: resolveDayBound(bounds.min, today) } : {}),
  ...(bounds.max !== undefined ? { max: resolveDayBound(bounds.max, today) } : {}),
});

/** True when `day` (a real ISO day) lies within the bounds on `today`, both ends included. */
export const isWithinDayBounds = (day: IsoDay, bounds: DayBounds, today: IsoDay): boolean => {
  const { min, max } = dayRange(bounds, today);
  return !(min !== undefined && isBefore(day, min)) && !(max !== undefined && isAfter(day, max));
};

/** "between 1900-01-01 and 2026-12-01", "on or after …", "on or before …": the bounds in words. */
export const describeDayBounds = (bounds: DayBounds, today: IsoDay): string => {
  const { min, max } = dayRange(bounds, today);
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  if (min !== undefined) return `on or after ${min}`;
  return max !== undefined ? `on or before ${max}` : 'any day';
};
