// OFM's calendar (DESIGN.md "Dates are OFM's dates"): a day is a day in Washington, America/New_York.
// An instant becomes a day only through ofmDay, so that at 20:00 Eastern, when UTC has already moved
// on, immunity, ID cards and policies still see the same day as the officer. Days themselves are
// ISO 8601 strings ('YYYY-MM-DD', the form of CONTRACT.md and of PostgreSQL's `date`), and the
// arithmetic on them is pure calendar arithmetic: no zone, no daylight saving, no server setting
// can shift a day.

export const OFM_TIME_ZONE = 'America/New_York';

/** A calendar day, 'YYYY-MM-DD' (years 0001–9999), as OFM sees it. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// One formatter, built once: the wall clock in New York, 24-hour.
const NEW_YORK = new Intl.DateTimeFormat('en-US', {
  timeZone: OFM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const utc = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day);

// The instants whose New York day has the 'YYYY-MM-DD' form: 0001-01-02 to 9999-12-30 (UTC).
const FIRST_INSTANT = utc(1, 1, 2);
const END_INSTANT = utc(9999, 12, 31);

const checkInstant = (instant: Date): number => {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(instant)}`);
  if (t < FIRST_INSTANT || t >= END_INSTANT)
    throw new RangeError(`instant outside the calendar: ${instant.toISOString()}`);
  return t;
};

const wallTimeOf = (t: number): WallTime => {
  const parts: Record<string, number> = {};
  for (const part of NEW_YORK.formatToParts(new Date(t))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
};

// How far New York's wall clock is from UTC at `t` (-5 h in winter, -4 h in summer), in ms.
const offsetAt = (t: number): number => {
  const w = wallTimeOf(t);
  const wallAsUtc = new Date(utc(w.year, w.month, w.day)).setUTCHours(w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(t / 1000) * 1000;
};

// setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999. Day 0 is the month's last day.
const daysInMonth = (year: number, month: number): number => new Date(utc(year, month + 1, 0)).getUTCDate();

/** True for a real calendar day in 'YYYY-MM-DD' form (refuses 2026-02-29, 2026-1-01, timestamps). */
export const isIsoDay = (value: unknown): value is IsoDay => {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
};

const checked = (day: unknown): IsoDay => {
  if (!isIsoDay(day)) throw new RangeError(`not an ISO day: ${String(day)}`);
  return day;
};

const parts = (day: IsoDay): [number, number, number] =>
  checked(day).split('-').map(Number) as [number, number, number];

// Days since 1970-01-01 (negative before), through UTC, which has no daylight saving.
const epochDay = (day: IsoDay): number => {
  const [y, m, d] = parts(day);
  return Math.round(utc(y, m, d) / DAY_MS);
};

const fromEpochDay = (n: number): IsoDay => {
  const t = new Date(n * DAY_MS);
  const y = t.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError(`day outside the calendar: year ${y}`);
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

const checkWhole = (n: number, what: string): number => {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
  return n;
};

/** The day it is in New York at `instant`: 2026-06-16T01:30Z (21:30 EDT) is '2026-06-15'. */
export const ofmDay = (instant: Date): IsoDay => {
  const w = wallTimeOf(checkInstant(instant));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
};

const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

/**
 * The instant New York's clocks show `time` ('HH:MM', 'HH:MM:SS' or 'HH:MM:SS.mmm', 24-hour) on
 * `day`: ofmInstant('2026-06-15', '20:00') is 2026-06-16T00:00Z. In the hour the November change
 * repeats, the first (daylight) one; a time the March change skips (02:30) is refused.
 */
export const ofmInstant = (day: IsoDay, time: string): Date => {
  const [y, m, d] = parts(day);
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`not a time of day: ${time}`);
  const [h, min, sec, ms] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0), Number(t[4] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) throw new RangeError(`not a time of day: ${time}`);
  const wallAsUtc = new Date(utc(y, m, d)).setUTCHours(h, min, sec, ms);
  // Two passes: the offset is read at the first guess, then at the answer.
  const guess = wallAsUtc - offsetAt(wallAsUtc);
  const instant = wallAsUtc - offsetAt(guess);
  if (offsetAt(instant) !== wallAsUtc - instant) {
    throw new RangeError(`${day} ${time} does not exist in ${OFM_TIME_ZONE} (the clocks skip it)`);
  }
  return new Date(instant);
};

/** The instant `day` begins in New York: '2026-01-15' is 2026-01-15T05:00Z, '2026-07-15' 04:00Z. */
export const startOfOfmDay = (day: IsoDay): Date => ofmInstant(day, '00:00');

/** `day` moved by `days` calendar days (negative goes back); month and year ends roll over. */
export const addDays = (day: IsoDay, days: number): IsoDay => fromEpochDay(epochDay(day) + checkWhole(days, 'days'));

/** The same day `years` later; 29 February becomes 28 February in a common year (never 1 March). */
export const addYears = (day: IsoDay, years: number): IsoDay => {
  const [y, m, d] = parts(day);
  const year = y + checkWhole(years, 'years');
  if (year < 1 || year > 9999) throw new RangeError(`day outside the calendar: year ${year}`);
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth(year, m)))}`;
};

/** Whole days from `from` to `to`, negative when `to` is earlier ('2026-03-07' → '2026-03-09' is 2). */
export const daysBetween = (from: IsoDay, to: IsoDay): number => epochDay(to) - epochDay(from);

/** Age in whole years on `on`; the birthday itself counts, a 29 February birthday falls on 1 March. */
export const ageOn = (dateOfBirth: IsoDay, on: IsoDay): number => {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** The day's year as a number ('2026-12-31' is 2026). */
export const yearOf = (day: IsoDay): number => parts(day)[0];

/** -1, 0 or 1 as `a` is before, the same as, or after `b`. */
export const compareDays = (a: IsoDay, b: IsoDay): -1 | 0 | 1 => {
  const diff = epochDay(a) - epochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
};

export const isBefore = (a: IsoDay, b: IsoDay): boolean => compareDays(a, b) < 0;

export const isAfter = (a: IsoDay, b: IsoDay): boolean => compareDays(a, b) > 0;

export const isSameDay = (a: IsoDay, b: IsoDay): boolean => compareDays(a, b) === 0;

// Real days in 'YYYY-MM-DD' form sort as strings in calendar order; anything else is refused.
const present = (days: readonly (IsoDay | undefined | null)[]): IsoDay[] =>
  days
    .filter((d): d is IsoDay => !!d)
    .map(checked)
    .sort();

/** The earliest of the days given; absent ones (undefined, null, '') are skipped. */
export const earliest = (...days: (IsoDay | undefined | null)[]): IsoDay | undefined => present(days)[0];

/** The latest of the days given; absent ones (undefined, null, '') are skipped. */
export const latest = (...days: (IsoDay | undefined | null)[]): IsoDay | undefined => present(days).at(-1);
