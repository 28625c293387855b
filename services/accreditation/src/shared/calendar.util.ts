// Calendar arithmetic on ISO 8601 dates ('YYYY-MM-DD'), in UTC: the domain speaks in days (30 days
// after arrival, 30 days after termination), never in local times, so no time zone may shift a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type IsoDate = string;

export const isIsoDate = (value: string | undefined | null): value is IsoDate => {
  if (!value) return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 2025-02-30 over to March: a real date survives the round trip unchanged.
  return d.toISOString().slice(0, 10) === value;
};

const toUtc = (date: IsoDate): number => {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
};

export const todayIso = (now: Date = new Date()): IsoDate => now.toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate =>
  new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);

export const addYears = (date: IsoDate, years: number): IsoDate => {
  const [y, m, d] = date.split('-').map(Number);
  // 29 February plus one year is 28 February, not 1 March.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** Age in whole years on `on`: the birthday itself counts. */
export const ageOn = (dateOfBirth: IsoDate, on: IsoDate): number => {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export const earliest = (...dates: (IsoDate | undefined | null)[]): IsoDate | undefined =>
  dates.filter((d): d is IsoDate => !!d).sort()[0];
