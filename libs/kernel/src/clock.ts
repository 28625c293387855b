import { addDays, ofmDay, startOfOfmDay, type IsoDay } from './calendar';

// "Now" and "today" come from a clock, never from `new Date()` in a rule, so that tests can stand at
// 23:59 Eastern or on the day a policy lapses. Today is OFM's day (America/New_York), whatever the
// server's zone.

/**
 * The clock a service reads. A class rather than a bare interface so that a DI container can use it
 * as its own token (`providers: [Clock]` gives the system clock, `{ provide: Clock, useValue:
 * testClock(…) }` a test's); any object with `now()` and `today()` satisfies it.
 */
export class Clock {
  now(): Date {
    return new Date();
  }

  /** OFM's day at `now()`. */
  today(): IsoDay {
    return ofmDay(this.now());
  }
}

/** The machine's time. */
export const systemClock: Clock = new Clock();

const HOUR_MS = 3_600_000;

// A day alone stands for noon in New York on that day: far from midnight and from the 02:00
// daylight-saving changes, so advancing by whole days never lands on a different day than asked.
const instantOf = (at: Date | IsoDay): number =>
  typeof at === 'string' ? startOfOfmDay(at).getTime() + 12 * HOUR_MS : checkedTime(at);

const checkedTime = (at: Date): number => {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('not an instant: Invalid Date');
  return t;
};

/** A clock that stands still until the test moves it. */
export class TestClock extends Clock {
  private current: number;

  constructor(start: Date | IsoDay = new Date()) {
    super();
    this.current = instantOf(start);
  }

  override now(): Date {
    return new Date(this.current);
  }

  /** Stands at `at`: an instant, or a day (noon in New York). */
  set(at: Date | IsoDay): this {
    this.current = instantOf(at);
    return this;
  }

  /** Moves by `ms` milliseconds (negative goes back). */
  advance(ms: number): this {
    if (!Number.isFinite(ms)) throw new RangeError(`not a duration: ${ms}`);
    this.current += ms;
    return this;
  }

  /**
   * Moves by `days` OFM days, keeping the time elapsed since the day began in New York: 23:59 Eastern
   * on 6 March is 23:59 Eastern on 10 March, although 8 March lasts 23 hours. (Standing on a day of
   * change itself, the elapsed time is not the wall time: set an exact time with ofmInstant.)
   */
  advanceDays(days: number): this {
    const today = this.today();
    const sinceMidnight = this.current - startOfOfmDay(today).getTime();
    this.current = startOfOfmDay(addDays(today, days)).getTime() + sinceMidnight;
    return this;
  }
}

/** A test's clock, standing at `start` (default: the moment it is made). */
export const testClock = (start?: Date | IsoDay): TestClock => new TestClock(start);
