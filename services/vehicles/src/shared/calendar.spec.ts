import { addDays, addYears, daysBetween, isIsoDate, isoDateOf } from './calendar';

describe('calendar', () => {
  it.each(['2024-02-29', '2025-12-31', '2000-01-01'])('accepts the real date %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each(['2023-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '20250101', '2025-01-01T00:00:00Z', ''])(
    'rejects %j',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
  });

  it('counts days between dates, negative when backwards', () => {
    expect(daysBetween('2025-01-01', '2025-01-31')).toBe(30);
    expect(daysBetween('2025-01-31', '2025-01-01')).toBe(-30);
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
  });

  it('adds a year, keeping 29 February in February', () => {
    expect(addYears('2025-06-15', 1)).toBe('2026-06-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('takes the UTC date of an instant', () => {
    expect(isoDateOf(new Date('2025-03-01T23:30:00-05:00'))).toBe('2025-03-02');
  });

  it('refuses arithmetic on a non-date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});
