import { dollars, formatCents, parseMoney } from './money.rules';

describe('parseMoney', () => {
  it.each([
    ['300000.00', 30_000_000n],
    ['300000', 30_000_000n],
    ['300000.5', 30_000_050n],
    ['0.01', 1n],
    ['0', 0n],
    ['999999999999999.99', 99_999_999_999_999_999n],
  ])('reads %s as %s cents', (amount, cents) => {
    expect(parseMoney('limit', { amount, currency: 'USD' })).toEqual({ ok: true, cents });
  });

  it.each(['', '-1.00', '1.234', '1e6', '300,000.00', ' 300000.00', '.50', '1.', 'abc', '1000000000000000.00'])(
    'rejects the amount %j, naming the field',
    (amount) => {
      expect(parseMoney('limit', { amount, currency: 'USD' })).toEqual({
        ok: false,
        errors: [{ field: 'limit.amount', message: expect.stringContaining('decimal string') }],
      });
    },
  );

  it.each(['EUR', 'usd', ''])('rejects the currency %j: limits are in U.S. dollars', (currency) => {
    expect(parseMoney('limit', { amount: '1.00', currency })).toEqual({
      ok: false,
      errors: [{ field: 'limit.currency', message: 'must be USD' }],
    });
  });

  it('reports a bad amount and a bad currency together', () => {
    const parsed = parseMoney('limit', { amount: 'x', currency: 'EUR' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.map((e) => e.field)).toEqual(['limit.amount', 'limit.currency']);
  });

  it('compares exactly where a float would not', () => {
    // 0.1 + 0.2 !== 0.3 in floating point; in cents it is exact.
    const a = parseMoney('a', { amount: '0.10', currency: 'USD' });
    const b = parseMoney('b', { amount: '0.20', currency: 'USD' });
    const c = parseMoney('c', { amount: '0.30', currency: 'USD' });
    expect(a.ok && b.ok && c.ok && a.cents + b.cents === c.cents).toBe(true);
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
