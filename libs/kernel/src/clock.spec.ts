import { ofmInstant } from './calendar';
import { Clock, systemClock, TestClock, testClock } from './clock';

describe('systemClock', () => {
  it('reads the machine’s time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('gives today in OFM’s calendar', () => {
    const clock = new (class extends Clock {
      override now() {
        return new Date('2026-06-16T02:00:00Z'); // 22:00 EDT on the 15th
      }
    })();
    expect(clock.today()).toBe('2026-06-15');
  });

  it('is a Clock, so a container can hand it out for the Clock token', () => {
    expect(systemClock).toBeInstanceOf(Clock);
    expect(new Clock().today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('testClock', () => {
  it('stands still until moved', async () => {
    const clock = testClock(new Date('2026-06-15T12:00:00Z'));
    const first = clock.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toEqual(first);
    // Each answer is a copy: a caller changing it does not move the clock.
    first.setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-06-15T12:00:00.000Z');
  });

  it('starts at the moment it is made by default', () => {
    const before = Date.now();
    const clock = testClock();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(clock).toBeInstanceOf(TestClock);
    expect(clock).toBeInstanceOf(Clock);
  });

  it('reads a day as noon in New York', () => {
    expect(testClock('2026-06-15').now().toISOString()).toBe('2026-06-15T16:00:00.000Z');
    expect(testClock('2026-01-15').now().toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(testClock('2026-06-15').today()).toBe('2026-06-15');
  });

  it('gives OFM’s day at 20:00 and 23:59 Eastern, when UTC is already on the next day', () => {
    const clock = testClock(ofmInstant('2026-06-15', '20:00'));
    expect(clock.now().toISOString()).toBe('2026-06-16T00:00:00.000Z');
    expect(clock.today()).toBe('2026-06-15');
    expect(clock.set(ofmInstant('2026-06-15', '23:59')).today()).toBe('2026-06-15');
    expect(clock.advance(60_000).today()).toBe('2026-06-16'); // midnight Eastern
  });

  it('is set and advanced', () => {
    const clock = testClock('2026-06-15');
    expect(clock.set(new Date('2026-12-31T23:00:00Z')).today()).toBe('2026-12-31');
    expect(clock.advance(6 * 3_600_000).today()).toBe('2027-01-01'); // 05:00Z, midnight EST
    expect(clock.advance(-3_600_000).now().toISOString()).toBe('2027-01-01T04:00:00.000Z');
    expect(clock.today()).toBe('2026-12-31');
    expect(clock.set('2028-02-29').today()).toBe('2028-02-29');
  });

  it('advances whole OFM days, keeping the time since midnight Eastern', () => {
    const clock = testClock(ofmInstant('2026-03-06', '23:59'));
    clock.advanceDays(4); // across the March change
    expect(clock.today()).toBe('2026-03-10');
    expect(clock.now().toISOString()).toBe(ofmInstant('2026-03-10', '23:59').toISOString());
    clock.set(ofmInstant('2026-10-30', '20:00')).advanceDays(3); // across the November change
    expect(clock.now().toISOString()).toBe(ofmInstant('2026-11-02', '20:00').toISOString());
    clock.set('2028-02-28').advanceDays(1);
    expect(clock.today()).toBe('2028-02-29');
    clock.advanceDays(-365);
    expect(clock.today()).toBe('2027-03-01');
  });

  it('refuses what is not a time or a whole number of days', () => {
    expect(() => testClock(new Date('never'))).toThrow(RangeError);
    expect(() => testClock('2026-02-29')).toThrow(RangeError);
    expect(() => testClock('2026-06-15').advance(Number.NaN)).toThrow(RangeError);
    expect(() => testClock('2026-06-15').advanceDays(0.5)).toThrow(RangeError);
  });
});
