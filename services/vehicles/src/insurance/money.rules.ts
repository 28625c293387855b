import type { FieldError } from '../shared/field-error';

// Money as CONTRACT.md fixes it: a decimal string and an ISO 4217 currency. Amounts are compared
// as integer cents (bigint), never as floats, so 299999.999 can never round up to a minimum.
export interface Money {
  amount: string;
  currency: string;
}

// Liability limits are in U.S. dollars (22 CFR 151); another currency cannot be compared to a minimum.
export const LIMIT_CURRENCY = 'USD';

const DECIMAL = /^\d{1,15}(\.\d{1,2})?$/;

export type ParsedMoney = { ok: true; cents: bigint } | { ok: false; errors: FieldError[] };

/** Parses a money object of the request field `field`; errors name `<field>.amount` / `<field>.currency`. */
export const parseMoney = (field: string, money: Money): ParsedMoney => {
  const errors: FieldError[] = [];
  if (!DECIMAL.test(money.amount ?? '')) {
    errors.push({
      field: `${field}.amount`,
      message: 'must be a non-negative decimal string with at most 2 decimals, e.g. "300000.00"',
    });
  }
  if (money.currency !== LIMIT_CURRENCY) {
    errors.push({ field: `${field}.currency`, message: `must be ${LIMIT_CURRENCY}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const [whole, fraction = ''] = money.amount.split('.') as [string, string?];
  return { ok: true, cents: BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0')) };
};

/** "300000.00" for 30000000n cents. */
export const formatCents = (cents: bigint): string => {
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${fraction}`;
};

export const dollars = (whole: number): bigint => BigInt(whole) * 100n;
