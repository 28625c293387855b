import { addDays, addYears, ageOn, daysBetween, earliest, isIsoDate, todayIso } from './calendar.util';

describe('calendar', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
  ])('%s is an ISO date: %s', (v, ok) => expect(isIsoDate(v)).toBe(ok));

  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-06-15', 3)).toBe('2029-06-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-20', '2026-04-20')).toBe(90);
    expect(daysBetween('2026-04-20', '2026-01-20')).toBe(-90);
  });

  it('counts age in whole years, the birthday included', () => {
    expect(ageOn('2005-06-15', '2026-06-14')).toBe(20);
    expect(ageOn('2005-06-15', '2026-06-15')).toBe(21);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
  });

  it('picks the earliest given date', () => {
    expect(earliest('2026-03-31', '', undefined, '2026-03-10')).toBe('2026-03-10');
    expect(earliest(undefined, null)).toBeUndefined();
  });

  it('throws on a non-date', () => {
    expect(() => addDays('soon', 1)).toThrow(RangeError);
  });

  it('gives today in UTC', () => {
    expect(todayIso(new Date('2026-06-15T23:59:59-05:00'))).toBe('2026-06-16');
  });
});
