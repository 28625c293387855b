import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the cap (100 ms → 2 s)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, 100, 2000))).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
  });

  it('stays finite for absurd attempt counts and treats attempts below 1 as the first', () => {
    expect(backoffDelay(10_000, 100, 2000)).toBe(2000);
    expect(backoffDelay(0, 100, 2000)).toBe(100);
  });
});
