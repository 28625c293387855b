import type { common } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';

// Money as CONTRACT.md fixes it (common.Money: a decimal string and an ISO 4217 currency; the form
// is declared in proto/ and checked before any handler runs). Amounts are compared as integer cents
// (bigint), never as floats, so 299999.999 can never round up to a minimum.
export type Money = common.Money;

// Liability limits are in U.S. dollars (22 CFR 151); another currency cannot be compared to a
// minimum. A domain rule, not a form: any ISO currency is well-formed, only USD is accepted here.
export const LIMIT_CURRENCY = 'USD';

/** The rule on the currency of the limit `field`: errors name `<field>.currency`. */
export const currencyErrors = (field: string, money: Money): FieldError[] =>
  money.currency === LIMIT_CURRENCY ? [] : [{ field: `${field}.currency`, message: `must be ${LIMIT_CURRENCY}` }];

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** The amount in cents; throws on an amount the declared form would have refused. */
export const centsOf = (money: Money): bigint => {
  const m = DECIMAL.exec(money.amount);
  if (!m) throw new RangeError(`not a decimal amount: ${JSON.stringify(money.amount)}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
};

/** "300000.00" for 30000000n cents. */
export const formatCents = (cents: bigint): string => {
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${fraction}`;
};

export const dollars = (whole: number): bigint => BigInt(whole) * 100n;
