import {
  addDays,
  addYears,
  ageOn,
  compareDays,
  daysBetween,
  earliest,
  isAfter,
  isBefore,
  isIsoDay,
  isSameDay,
  latest,
  OFM_TIME_ZONE,
  ofmDay,
  ofmInstant,
  startOfOfmDay,
  yearOf,
} from './calendar';

const at = (iso: string) => new Date(iso);

describe('OFM_TIME_ZONE', () => {
  it('is Washington’s', () => expect(OFM_TIME_ZONE).toBe('America/New_York'));
});

describe('isIsoDay', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01', '0001-01-01', '9999-12-31'])(
    'accepts the real day %s',
    (d) => expect(isIsoDay(d)).toBe(true),
  );

  it.each([
    '2026-02-29', // common year
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '0000-01-01',
    '2026-1-01',
    '2026-01-1',
    '20260101',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01 ',
    '+02026-01-01',
    '',
  ])('refuses %j', (d) => expect(isIsoDay(d)).toBe(false));

  it.each([undefined, null, 20260101, new Date('2026-01-01'), {}])('refuses the non-string %p', (v) =>
    expect(isIsoDay(v)).toBe(false),
  );
});

describe('ofmDay', () => {
  it('is the day in New York, not in UTC, in the evening (EDT, UTC-4)', () => {
    // 20:00 and 23:59 Eastern are already the next day in UTC: immunity, a card, a policy must not
    // end a day early.
    expect(ofmDay(at('2026-06-16T00:00:00Z'))).toBe('2026-06-15'); // 20:00 EDT
    expect(ofmDay(at('2026-06-16T03:59:59.999Z'))).toBe('2026-06-15'); // 23:59:59.999 EDT
    expect(ofmDay(at('2026-06-16T04:00:00Z'))).toBe('2026-06-16'); // midnight EDT
  });

  it('is the day in New York in winter (EST, UTC-5)', () => {
    expect(ofmDay(at('2026-01-16T01:00:00Z'))).toBe('2026-01-15'); // 20:00 EST
    expect(ofmDay(at('2026-01-16T04:59:00Z'))).toBe('2026-01-15'); // 23:59 EST
    expect(ofmDay(at('2026-01-16T04:59:59.999Z'))).toBe('2026-01-15');
    expect(ofmDay(at('2026-01-16T05:00:00Z'))).toBe('2026-01-16'); // midnight EST
  });

  it('agrees with UTC during the day', () => {
    expect(ofmDay(at('2026-06-15T12:00:00Z'))).toBe('2026-06-15');
    expect(ofmDay(at('2026-06-15T04:00:00Z'))).toBe('2026-06-15');
  });

  it('is not the UTC day before dawn in UTC either: 00:30Z on 1 January is still 31 December', () => {
    expect(ofmDay(at('2027-01-01T00:30:00Z'))).toBe('2026-12-31');
    expect(ofmDay(at('2027-01-01T05:00:00Z'))).toBe('2027-01-01');
  });

  describe('around the March 2026 change (8 March, 02:00 EST → 03:00 EDT, at 07:00Z)', () => {
    it.each([
      ['2026-03-08T04:59:59Z', '2026-03-07'], // 23:59:59 EST on the 7th
      ['2026-03-08T05:00:00Z', '2026-03-08'], // midnight EST
      ['2026-03-08T06:59:59Z', '2026-03-08'], // 01:59:59 EST
      ['2026-03-08T07:00:00Z', '2026-03-08'], // 03:00 EDT
      ['2026-03-09T00:00:00Z', '2026-03-08'], // 20:00 EDT
      ['2026-03-09T03:59:59Z', '2026-03-08'], // 23:59:59 EDT
      ['2026-03-09T04:00:00Z', '2026-03-09'], // midnight EDT
    ])('%s is %s', (instant, day) => expect(ofmDay(at(instant))).toBe(day));
  });

  describe('around the November 2026 change (1 November, 02:00 EDT → 01:00 EST, at 06:00Z)', () => {
    it.each([
      ['2026-11-01T03:59:59Z', '2026-10-31'], // 23:59:59 EDT on the 31st
      ['2026-11-01T04:00:00Z', '2026-11-01'], // midnight EDT
      ['2026-11-01T05:30:00Z', '2026-11-01'], // 01:30 EDT
      ['2026-11-01T06:30:00Z', '2026-11-01'], // 01:30 EST, the repeated hour
      ['2026-11-02T00:00:00Z', '2026-11-01'], // 19:00 EST
      ['2026-11-02T01:00:00Z', '2026-11-01'], // 20:00 EST
      ['2026-11-02T04:59:59Z', '2026-11-01'], // 23:59:59 EST
      ['2026-11-02T05:00:00Z', '2026-11-02'], // midnight EST
    ])('%s is %s', (instant, day) => expect(ofmDay(at(instant))).toBe(day));
  });

  it('reaches a leap day from the evening before in UTC terms', () => {
    expect(ofmDay(at('2028-03-01T04:59:59Z'))).toBe('2028-02-29'); // 23:59:59 EST on the 29th
    expect(ofmDay(at('2028-02-29T05:00:00Z'))).toBe('2028-02-29');
    expect(ofmDay(at('2028-02-29T04:59:59Z'))).toBe('2028-02-28');
  });

  it('does not depend on the process’s time zone', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(ofmDay(at('2026-06-16T01:30:00Z'))).toBe('2026-06-15');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => ofmDay(new Date('soon'))).toThrow(RangeError);
    expect(() => ofmDay('2026-06-15' as unknown as Date)).toThrow(RangeError);
    expect(() => ofmDay(new Date(8.64e15))).toThrow(RangeError);
  });
});

describe('ofmInstant and startOfOfmDay', () => {
  it.each([
    ['2026-01-15', '2026-01-15T05:00:00.000Z'],
    ['2026-07-15', '2026-07-15T04:00:00.000Z'],
    ['2026-03-07', '2026-03-07T05:00:00.000Z'],
    ['2026-03-08', '2026-03-08T05:00:00.000Z'], // the day of the change begins in EST
    ['2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['2026-10-31', '2026-10-31T04:00:00.000Z'],
    ['2026-11-01', '2026-11-01T04:00:00.000Z'], // begins in EDT
    ['2026-11-02', '2026-11-02T05:00:00.000Z'],
    ['2028-02-29', '2028-02-29T05:00:00.000Z'],
    ['2026-12-31', '2026-12-31T05:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => {
    const start = startOfOfmDay(day);
    expect(start.toISOString()).toBe(instant);
    expect(ofmDay(start)).toBe(day);
    expect(ofmDay(new Date(start.getTime() - 1))).toBe(addDays(day, -1));
  });

  it('makes the days around a change 23 and 25 hours long', () => {
    const hours = (day: string) => (startOfOfmDay(addDays(day, 1)).getTime() - startOfOfmDay(day).getTime()) / 3.6e6;
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-06-15')).toBe(24);
  });

  it.each([
    ['2026-06-15', '20:00', '2026-06-16T00:00:00.000Z'],
    ['2026-06-15', '23:59', '2026-06-16T03:59:00.000Z'],
    ['2026-06-15', '23:59:59.999', '2026-06-16T03:59:59.999Z'],
    ['2026-01-15', '20:00:30', '2026-01-16T01:00:30.000Z'],
    ['2026-03-08', '01:59:59', '2026-03-08T06:59:59.000Z'],
    ['2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'],
    ['2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // the first 01:30, still EDT
    ['2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'],
    ['2026-11-01', '20:00', '2026-11-02T01:00:00.000Z'],
  ])('%s %s in New York is %s', (day, time, instant) => {
    expect(ofmInstant(day, time).toISOString()).toBe(instant);
    expect(ofmDay(ofmInstant(day, time))).toBe(day);
  });

  it('refuses a time the March change skips', () => {
    expect(() => ofmInstant('2026-03-08', '02:30')).toThrow(/does not exist/);
  });

  it.each(['24:00', '12:60', '12:00:60', '8:00', '08:00:00.5', 'noon', ''])('refuses the time %j', (time) =>
    expect(() => ofmInstant('2026-06-15', time)).toThrow(RangeError),
  );

  it('refuses a non-day', () => {
    expect(() => startOfOfmDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('rolls over month and year ends', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('knows leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('counts calendar days across a daylight-saving change (no 23- or 25-hour drift)', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDays('2026-02-20', 30)).toBe('2026-03-22');
    expect(addDays('2026-10-15', 30)).toBe('2026-11-14');
  });

  it('works in years before 100', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('refuses a non-day, a fraction of a day and a day outside 0001–9999', () => {
    expect(() => addDays('soon', 1)).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-06-15', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-06-15', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('addYears', () => {
  it('keeps the day of the month', () => {
    expect(addYears('2026-06-15', 3)).toBe('2029-06-15');
    expect(addYears('2026-06-15', -1)).toBe('2025-06-15');
    expect(addYears('2026-12-31', 1)).toBe('2027-12-31');
  });

  it('falls back from 29 February to 28 February in a common year, never into March', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
  });

  it('refuses a non-day, a fraction of a year and a year outside 0001–9999', () => {
    expect(() => addYears('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addYears('2026-06-15', 1.5)).toThrow(RangeError);
    expect(() => addYears('9999-01-01', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards', () => {
    expect(daysBetween('2026-01-20', '2026-04-20')).toBe(90);
    expect(daysBetween('2026-04-20', '2026-01-20')).toBe(-90);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('counts a leap year’s 366 days and its leap day', () => {
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('refuses a non-day', () => {
    expect(() => daysBetween('2026-06-15', 'later')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2005-06-15', '2026-06-14')).toBe(20);
    expect(ageOn('2005-06-15', '2026-06-15')).toBe(21);
    expect(ageOn('2005-06-15', '2026-12-31')).toBe(21);
    expect(ageOn('2026-06-15', '2026-06-15')).toBe(0);
  });

  it('reaches a 29 February birthday on 1 March in a common year', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });

  it('refuses a non-day', () => {
    expect(() => ageOn('15/06/2005', '2026-06-15')).toThrow(RangeError);
  });
});

describe('comparisons', () => {
  it('orders days', () => {
    expect(compareDays('2026-06-14', '2026-06-15')).toBe(-1);
    expect(compareDays('2026-06-15', '2026-06-15')).toBe(0);
    expect(compareDays('2027-01-01', '2026-12-31')).toBe(1);
    expect(isBefore('2026-02-28', '2026-03-01')).toBe(true);
    expect(isBefore('2026-03-01', '2026-03-01')).toBe(false);
    expect(isAfter('2028-02-29', '2028-02-28')).toBe(true);
    expect(isAfter('2028-02-28', '2028-02-29')).toBe(false);
    expect(isSameDay('2026-06-15', '2026-06-15')).toBe(true);
    expect(isSameDay('2026-06-15', '2026-06-16')).toBe(false);
  });

  it('refuses to compare a non-day (a string comparison would silently answer)', () => {
    expect(() => isBefore('2026-06-15T00:00:00Z', '2026-06-15')).toThrow(RangeError);
    expect(() => compareDays('2026-06-15', '')).toThrow(RangeError);
  });

  it('picks the earliest and the latest given day, skipping absent ones', () => {
    expect(earliest('2026-03-31', '', undefined, '2026-03-10', null)).toBe('2026-03-10');
    expect(latest('2026-03-31', '', undefined, '2026-03-10', null)).toBe('2026-03-31');
    expect(earliest('2026-06-15')).toBe('2026-06-15');
    expect(earliest(undefined, null)).toBeUndefined();
    expect(latest()).toBeUndefined();
    expect(earliest('0999-01-01', '2026-01-01')).toBe('0999-01-01');
  });

  it('refuses a non-day among them', () => {
    expect(() => earliest('2026-06-15', 'never')).toThrow(RangeError);
  });

  it('reads the year', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(yearOf('0099-01-01')).toBe(99);
    expect(() => yearOf('2026')).toThrow(RangeError);
  });
});
