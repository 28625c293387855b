import { formatPid, PID_FIRST, PID_LAST } from './pid.rules';

describe('PID', () => {
  it('is the 10-digit sequence value', () => {
    expect(formatPid(PID_FIRST)).toBe('1000000000');
    expect(formatPid('1000000042')).toBe('1000000042');
    expect(formatPid(PID_LAST)).toBe('9999999999');
  });

  it.each([999_999_999, 10_000_000_000, '12345', 'abcdefghij', '0123456789'])('refuses %s', (v) => {
    expect(() => formatPid(v)).toThrow(RangeError);
  });
});
