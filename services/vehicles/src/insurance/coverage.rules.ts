import { addDays, daysBetween, isIsoDate } from '../shared/calendar';
import type { FieldError } from '../shared/field-error';
import type { VehicleKind } from '../vehicle/vehicle-kind';
import { dollars, formatCents, LIMIT_CURRENCY, type Money, parseMoney } from './money.rules';

// Compulsory liability insurance (DOMAIN.md "Vehicles and insurance"; 22 CFR 151 and OFM's minimums).

export const SPLIT_FIELDS = ['bodilyInjuryPerPerson', 'bodilyInjuryPerAccident', 'propertyDamage'] as const;
export type SplitField = (typeof SPLIT_FIELDS)[number];

export interface CoverageLimits {
  combinedSingleLimit?: Money;
  bodilyInjuryPerPerson?: Money;
  bodilyInjuryPerAccident?: Money;
  propertyDamage?: Money;
}

// The accepted proofs of insurance (DOMAIN.md): a binder valid for at least BINDER_MIN_DAYS, a
// certificate or the declarations page. Stating it is optional (older clients do not); when it is
// stated it must be one of these, and a binder must run long enough.
export const PROOF_TYPES = ['binder', 'certificate', 'declarations-page'] as const;
export type ProofType = (typeof PROOF_TYPES)[number];
export const BINDER_MIN_DAYS = 30;

export const isProofType = (value: string): value is ProofType => (PROOF_TYPES as readonly string[]).includes(value);

export interface PolicyTerms extends CoverageLimits {
  insurer: string;
  policyNumber: string;
  effectiveDate: string;
  expirationDate: string;
  // One of PROOF_TYPES; undefined when not stated.
  proofType?: string;
}

export interface CoverageMinimum {
  combinedSingleLimit: bigint;
  split: Record<SplitField, bigint>;
}

// Trailers need no cover of their own (the towing vehicle's policy covers them).
// Motorcycles: OFM publishes only split limits; we also accept a combined single limit of at least
// $300,000, the same single limit accepted for cars, whose split minimum is higher than a motorcycle's.
export const COVERAGE_MINIMUMS: Record<VehicleKind, CoverageMinimum | undefined> = {
  car: {
    combinedSingleLimit: dollars(300_000),
    split: {
      bodilyInjuryPerPerson: dollars(100_000),
      bodilyInjuryPerAccident: dollars(300_000),
      propertyDamage: dollars(100_000),
    },
  },
  motorcycle: {
    combinedSingleLimit: dollars(300_000),
    split: {
      bodilyInjuryPerPerson: dollars(100_000),
      bodilyInjuryPerAccident: dollars(300_000),
      propertyDamage: dollars(50_000),
    },
  },
  trailer: undefined,
};

export const insuranceRequired = (kind: VehicleKind): boolean => COVERAGE_MINIMUMS[kind] !== undefined;

/** Errors of form: required texts, a known proof type, real dates in order, exactly one form of limits, USD amounts. */
export const validatePolicyTerms = (terms: PolicyTerms): FieldError[] => {
  const errors: FieldError[] = [];
  if (!terms.insurer?.trim()) errors.push({ field: 'insurer', message: 'required' });
  if (!terms.policyNumber?.trim()) errors.push({ field: 'policyNumber', message: 'required' });
  if (terms.proofType !== undefined && !isProofType(terms.proofType)) {
    errors.push({ field: 'proofType', message: `must be one of ${PROOF_TYPES.join(', ')}` });
  }
  errors.push(...validatePolicyDates(terms));
  errors.push(...validateLimitsForm(terms));
  return errors;
};

const validatePolicyDates = (terms: PolicyTerms): FieldError[] => {
  const errors: FieldError[] = [];
  const effectiveOk = isIsoDate(terms.effectiveDate ?? '');
  const expirationOk = isIsoDate(terms.expirationDate ?? '');
  if (!effectiveOk) errors.push({ field: 'effectiveDate', message: 'must be a date (YYYY-MM-DD)' });
  if (!expirationOk) errors.push({ field: 'expirationDate', message: 'must be a date (YYYY-MM-DD)' });
  if (!effectiveOk || !expirationOk) return errors;
  if (terms.expirationDate <= terms.effectiveDate) {
    errors.push({ field: 'expirationDate', message: 'must be after effectiveDate' });
  }
  return errors;
};

/**
 * A binder is accepted as proof only when it runs for at least BINDER_MIN_DAYS days (cover from the
 * effective date up to, not including, the expiration date). A well-formed request that breaks this
 * rule is a rule violation (422), not a form error. Call after validatePolicyTerms.
 */
export const binderShortfall = (terms: PolicyTerms): FieldError[] =>
  terms.proofType === 'binder' && daysBetween(terms.effectiveDate, terms.expirationDate) < BINDER_MIN_DAYS
    ? [{ field: 'expirationDate', message: `a binder must be valid for at least ${BINDER_MIN_DAYS} days` }]
    : [];

const validateLimitsForm = (limits: CoverageLimits): FieldError[] => {
  const givenSplit = SPLIT_FIELDS.filter((f) => limits[f] !== undefined);
  const hasCsl = limits.combinedSingleLimit !== undefined;
  if (hasCsl && givenSplit.length > 0) {
    return [
      {
        field: 'combinedSingleLimit',
        message: `give either combinedSingleLimit or the split limits (${SPLIT_FIELDS.join(', ')}), not both`,
      },
    ];
  }
  if (!hasCsl && givenSplit.length === 0) {
    return [
      {
        field: 'combinedSingleLimit',
        message: `required unless the split limits (${SPLIT_FIELDS.join(', ')}) are given`,
      },
    ];
  }
  if (hasCsl) return moneyErrors('combinedSingleLimit', limits.combinedSingleLimit!);
  return SPLIT_FIELDS.flatMap((f) =>
    limits[f] === undefined ? [{ field: f, message: 'required with the split limits' }] : moneyErrors(f, limits[f]!),
  );
};

const moneyErrors = (field: string, money: Money): FieldError[] => {
  const parsed = parseMoney(field, money);
  return parsed.ok ? [] : parsed.errors;
};

const cents = (money: Money): bigint => {
  const parsed = parseMoney('', money);
  if (!parsed.ok) throw new RangeError('limits must be validated before they are compared');
  return parsed.cents;
};

/**
 * Limits below the minimum for the vehicle's kind, one error per limit, naming it
 * (e.g. bodilyInjuryPerAccident: "must be at least 300000.00 USD for a car"). Call after validatePolicyTerms.
 */
export const coverageShortfalls = (kind: VehicleKind, limits: CoverageLimits): FieldError[] => {
  const minimum = COVERAGE_MINIMUMS[kind];
  if (!minimum) return [];
  const shortfall = (field: string, have: Money, need: bigint): FieldError[] =>
    cents(have) >= need
      ? []
      : [{ field, message: `must be at least ${formatCents(need)} ${LIMIT_CURRENCY} for a ${kind}` }];
  if (limits.combinedSingleLimit) {
    return shortfall('combinedSingleLimit', limits.combinedSingleLimit, minimum.combinedSingleLimit);
  }
  return SPLIT_FIELDS.flatMap((f) => shortfall(f, limits[f]!, minimum.split[f]));
};

export type PolicyAssessment =
  | { outcome: 'acceptable' }
  | { outcome: 'invalid'; errors: FieldError[] }
  | { outcome: 'below-minimum'; errors: FieldError[] }
  | { outcome: 'binder-too-short'; errors: FieldError[] }
  | { outcome: 'expired' };

/** The whole decision on a policy offered as proof of insurance on `today`. */
export const assessPolicy = (kind: VehicleKind, terms: PolicyTerms, today: string): PolicyAssessment => {
  const invalid = validatePolicyTerms(terms);
  if (invalid.length > 0) return { outcome: 'invalid', errors: invalid };
  const below = coverageShortfalls(kind, terms);
  if (below.length > 0) return { outcome: 'below-minimum', errors: below };
  const binder = binderShortfall(terms);
  if (binder.length > 0) return { outcome: 'binder-too-short', errors: binder };
  // A policy that no longer covers any day from today on proves nothing about insurance "at all times".
  if (terms.expirationDate <= today) return { outcome: 'expired' };
  return { outcome: 'acceptable' };
};

// A policy covers its effective date up to, not including, its expiration date: policies end at
// 12:01 a.m. on the expiration date, so that day is already uncovered.
export interface PolicyPeriod {
  effectiveDate: string;
  expirationDate: string;
}

export const covers = (policy: PolicyPeriod, on: string): boolean =>
  policy.effectiveDate <= on && on < policy.expirationDate;

export const isInsured = (policies: readonly PolicyPeriod[], on: string): boolean =>
  policies.some((p) => covers(p, on));

/**
 * The first uncovered day of the latest lapse on or before `on`, or undefined when the vehicle is
 * insured on `on` or was never insured before it (a vehicle never insured has not lapsed).
 */
export const lapsedOn = (policies: readonly PolicyPeriod[], on: string): string | undefined => {
  if (isInsured(policies, on)) return undefined;
  const ended = policies.map((p) => p.expirationDate).filter((d) => d <= on);
  return ended.length === 0 ? undefined : ended.reduce((a, b) => (a > b ? a : b));
};

/** The lapse that suspends the registration on `on`: one whose grace period (days, default 0) has run out. */
export const suspendingLapse = (
  policies: readonly PolicyPeriod[],
  on: string,
  graceDays: number,
): string | undefined => {
  const lapse = lapsedOn(policies, on);
  if (lapse === undefined) return undefined;
  return on >= addDays(lapse, graceDays) ? lapse : undefined;
};
