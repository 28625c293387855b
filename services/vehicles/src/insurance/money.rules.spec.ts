import { centsOf, currencyErrors, dollars, formatCents } from './money.rules';

describe('centsOf', () => {
  it.each([
    ['300000.00', 30_000_000n],
    ['300000', 30_000_000n],
    ['300000.5', 30_000_050n],
    ['0.01', 1n],
    ['0', 0n],
    ['999999999999999.99', 99_999_999_999_999_999n],
  ])('reads %s as %s cents', (amount, cents) => {
    expect(centsOf({ amount, currency: 'USD' })).toBe(cents);
  });

  // The declared form (proto/ofm/common/v1/common.proto) refuses these before a handler runs; the
  // rule refuses to compare them rather than guess.
  it.each(['', '-1.00', '1.234', '1e6', '300,000.00', ' 300000.00', '.50', '1.', 'abc', '1000000000000000.00'])(
    'refuses to read the amount %j',
    (amount) => {
      expect(() => centsOf({ amount, currency: 'USD' })).toThrow(RangeError);
    },
  );

  it('compares exactly where a float would not', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in cents it is exact.
    const [a, b, c] = ['0.10', '0.20', '0.30'].map((amount) => centsOf({ amount, currency: 'USD' }));
    expect(a! + b! === c!).toBe(true);
  });
});

describe('currencyErrors', () => {
  it('accepts U.S. dollars only, naming the field', () => {
    expect(currencyErrors('limit', { amount: '1.00', currency: 'USD' })).toEqual([]);
    for (const currency of ['EUR', 'CAD'])
      expect(currencyErrors('limit', { amount: '1.00', currency })).toEqual([
        { field: 'limit.currency', message: 'must be USD' },
      ]);
  });
});

describe('formatCents / dollars', () => {
  it.each([
    [30_000_000n, '300000.00'],
    [5n, '0.05'],
    [0n, '0.00'],
    [12_345n, '123.45'],
  ])('formats %s as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('turns whole dollars into cents', () => {
    expect(dollars(100_000)).toBe(10_000_000n);
  });
});
