import type { ProofType, VehicleKind } from '@ofm/contracts';
import { addDays, daysBetween, type FieldError } from '@ofm/kernel';
import { centsOf, currencyErrors, dollars, formatCents, LIMIT_CURRENCY, type Money } from './money.rules';

// Compulsory liability insurance (DOMAIN.md "Vehicles and insurance"; 22 CFR 151 and OFM's minimums).
// The form of a policy (required texts, real dates, the proof type's words, money amounts, and
// combinedSingleLimit XOR the three split limits) is declared in proto/ofm/vehicles/v1/vehicle.proto
// and checked before any handler runs; these are the rules the declarations cannot say.

export const SPLIT_FIELDS = ['bodilyInjuryPerPerson', 'bodilyInjuryPerAccident', 'propertyDamage'] as const;
export type SplitField = (typeof SPLIT_FIELDS)[number];

export interface CoverageLimits {
  combinedSingleLimit?: Money;
  bodilyInjuryPerPerson?: Money;
  bodilyInjuryPerAccident?: Money;
  propertyDamage?: Money;
}

// The accepted proofs of insurance (DOMAIN.md; PROOF_TYPE of @ofm/contracts): a binder valid for at
// least BINDER_MIN_DAYS, a certificate or the declarations page. Stating it is optional, but a proof
// not named is judged as the weakest one, a binder: otherwise leaving the field out bypassed the
// 30-day rule (issue 9). Not a required field, because insurers' feeds and older clients do not
// carry it, and a policy of 30 days or more is acceptable whatever its proof.
export const BINDER_MIN_DAYS = 30;

export interface PolicyTerms extends CoverageLimits {
  insurer: string;
  policyNumber: string;
  effectiveDate: string;
  expirationDate: string;
  // Undefined when not stated.
  proofType?: ProofType;
}

export interface CoverageMinimum {
  /** Undefined where only split limits are published (motorcycles). */
  combinedSingleLimit?: bigint;
  split: Record<SplitField, bigint>;
}

// Trailers need no cover of their own (the towing vehicle's policy covers them).
// Motorcycles: DOMAIN.md gives only split limits, so a combined single limit is refused (422 naming
// combinedSingleLimit) rather than compared with a minimum nobody published.
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
    split: {
      bodilyInjuryPerPerson: dollars(100_000),
      bodilyInjuryPerAccident: dollars(300_000),
      propertyDamage: dollars(50_000),
    },
  },
  trailer: undefined,
};

export const insuranceRequired = (kind: VehicleKind): boolean => COVERAGE_MINIMUMS[kind] !== undefined;

const LIMIT_FIELDS = ['combinedSingleLimit', ...SPLIT_FIELDS] as const;

/**
 * What a well-formed policy may still get wrong, as validation errors naming the field: the
 * expiration after the effective date, and every limit in U.S. dollars.
 */
export const policyTermErrors = (terms: PolicyTerms): FieldError[] => [
  ...(terms.expirationDate <= terms.effectiveDate
    ? [{ field: 'expirationDate', message: 'must be after effectiveDate' }]
    : []),
  ...LIMIT_FIELDS.flatMap((f) => (terms[f] ? currencyErrors(f, terms[f]) : [])),
];

/**
 * A binder is accepted as proof only when it runs for at least BINDER_MIN_DAYS days (cover from the
 * effective date up to, not including, the expiration date); a proof not named is judged as a binder.
 * A well-formed request that breaks this rule is a rule violation (422), not a form error.
 */
export const binderShortfall = (terms: PolicyTerms): FieldError[] => {
  if ((terms.proofType ?? 'binder') !== 'binder') return [];
  if (daysBetween(terms.effectiveDate, terms.expirationDate) >= BINDER_MIN_DAYS) return [];
  const message =
    terms.proofType === 'binder'
      ? `a binder must be valid for at least ${BINDER_MIN_DAYS} days`
      : `without proofType the proof is judged as a binder, which must be valid for at least ${BINDER_MIN_DAYS} days`;
  return [{ field: 'expirationDate', message }];
};

/**
 * Limits below the minimum for the vehicle's kind, one error per limit, naming it
 * (e.g. bodilyInjuryPerAccident: "must be at least 300000.00 USD for a car"). A split limit that is
 * missing counts as none.
 */
export const coverageShortfalls = (kind: VehicleKind, limits: CoverageLimits): FieldError[] => {
  const minimum = COVERAGE_MINIMUMS[kind];
  if (!minimum) return [];
  const shortfall = (field: string, have: Money | undefined, need: bigint): FieldError[] =>
    have && centsOf(have) >= need
      ? []
      : [{ field, message: `must be at least ${formatCents(need)} ${LIMIT_CURRENCY} for a ${kind}` }];
  if (limits.combinedSingleLimit) {
    if (minimum.combinedSingleLimit === undefined) {
      return [{ field: 'combinedSingleLimit', message: `is not accepted for a ${kind}: give the three split limits` }];
    }
    return shortfall('combinedSingleLimit', limits.combinedSingleLimit, minimum.combinedSingleLimit);
  }
  return SPLIT_FIELDS.flatMap((f) => shortfall(f, limits[f], minimum.split[f]));
};

export type PolicyAssessment =
  | { outcome: 'acceptable' }
  | { outcome: 'invalid'; errors: FieldError[] }
  | { outcome: 'below-minimum'; errors: FieldError[] }
  | { outcome: 'binder-too-short'; errors: FieldError[] }
  | { outcome: 'expired' };

/** The whole decision on a policy offered as proof of insurance on `today`. */
export const assessPolicy = (kind: VehicleKind, terms: PolicyTerms, today: string): PolicyAssessment => {
  const invalid = policyTermErrors(terms);
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
// 12:01 a.m. on the expiration date, so that day is already uncovered. A cancellation ends the cover
// at the start of its day, when that comes before the expiration.
export interface PolicyPeriod {
  effectiveDate: string;
  expirationDate: string;
  /** The first day no longer covered because the policy was cancelled; undefined when it was not. */
  cancelledOn?: string | null;
}

/** The first uncovered day after the policy's cover: its expiration or its cancellation, the earlier. */
export const coverageEnd = (policy: PolicyPeriod): string =>
  policy.cancelledOn && policy.cancelledOn < policy.expirationDate ? policy.cancelledOn : policy.expirationDate;

export const covers = (policy: PolicyPeriod, on: string): boolean =>
  policy.effectiveDate <= on && on < coverageEnd(policy);

export const isInsured = (policies: readonly PolicyPeriod[], on: string): boolean =>
  policies.some((p) => covers(p, on));

/**
 * The first uncovered day of the latest lapse on or before `on`, or undefined when the vehicle is
 * insured on `on` or was never insured before it (a vehicle never insured has not lapsed; a policy
 * cancelled before it started never covered anything).
 */
export const lapsedOn = (policies: readonly PolicyPeriod[], on: string): string | undefined => {
  if (isInsured(policies, on)) return undefined;
  const ended = policies
    .filter((p) => p.effectiveDate < coverageEnd(p))
    .map(coverageEnd)
    .filter((d) => d <= on);
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
