import {
  dayBoundInWords,
  dayRange,
  describeDayBounds,
  isDayBound,
  isWithinDayBounds,
  resolveDayBound,
} from './day-bounds';

const TODAY = '2026-12-01';

describe('day bounds', () => {
  it.each([
    ['today', TODAY],
    ['1900-01-01', '1900-01-01'],
    ['+1y', '2027-12-01'],
    ['-60y', '1966-12-01'],
    ['+30d', '2026-12-31'],
    ['-1d', '2026-11-30'],
    ['+0d', TODAY],
  ])('reads %s as %s on 2026-12-01', (bound, day) => expect(resolveDayBound(bound, TODAY)).toBe(day));

  it('moves a 29 February today by years to 28 February', () =>
    expect(resolveDayBound('+1y', '2028-02-29')).toBe('2029-02-28'));

  it.each(['tomorrow', '+1m', '1y', '+y', '2026-02-30', '', '+99999d'])('refuses the bound %j', (bound) => {
    expect(isDayBound(bound)).toBe(false);
    expect(() => resolveDayBound(bound, TODAY)).toThrow(RangeError);
  });

  it('includes both ends', () => {
    const bounds = { min: '1900-01-01', max: 'today' };
    expect(isWithinDayBounds('1900-01-01', bounds, TODAY)).toBe(true);
    expect(isWithinDayBounds(TODAY, bounds, TODAY)).toBe(true);
    expect(isWithinDayBounds('1899-12-31', bounds, TODAY)).toBe(false);
    expect(isWithinDayBounds('2026-12-02', bounds, TODAY)).toBe(false);
  });

  it('refuses 9999-12-31 as an arrival and leaves an open end open', () => {
    expect(isWithinDayBounds('9999-12-31', { min: '-60y', max: '+1y' }, TODAY)).toBe(false);
    expect(isWithinDayBounds('9999-12-31', { min: '-60y' }, TODAY)).toBe(true);
    expect(isWithinDayBounds('0001-01-01', { max: 'today' }, TODAY)).toBe(true);
  });

  it('follows today: the same bounds accept a day later that they refuse now', () => {
    expect(isWithinDayBounds('2027-12-02', { max: '+1y' }, TODAY)).toBe(false);
    expect(isWithinDayBounds('2027-12-02', { max: '+1y' }, '2026-12-02')).toBe(true);
  });

  it('says the bounds in days', () => {
    expect(dayRange({ min: '-5y', max: '+10y' }, TODAY)).toEqual({ min: '2021-12-01', max: '2036-12-01' });
    expect(describeDayBounds({ min: '1900-01-01', max: 'today' }, TODAY)).toBe('between 1900-01-01 and 2026-12-01');
    expect(describeDayBounds({ min: '-1y' }, TODAY)).toBe('on or after 2025-12-01');
    expect(describeDayBounds({ max: 'today' }, TODAY)).toBe('on or before 2026-12-01');
    expect(describeDayBounds({}, TODAY)).toBe('any day');
  });

  it('says a bound as declared in words that hold on any day', () => {
    expect(['-60y', '+1y', '+30d', '-1d', 'today', '1900-01-01'].map(dayBoundInWords)).toEqual([
      '60 years before today',
      '1 year after today',
      '30 days after today',
      '1 day before today',
      'today',
      '1900-01-01',
    ]);
  });
});
