import type { VehicleKind } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';
import { assessPolicy, BINDER_MIN_DAYS, coverageEnd } from '../insurance/coverage.rules';
import type { FeedRow } from './feed-row.rules';

// What a well-formed feed row does to the records, given its vehicle and the policies already
// recorded for it (no database here: feed-batch.ts loads them per batch). The coverage rules are the
// insurance service's (assessPolicy), so a feed accepts exactly what POST …/insurance accepts.

export interface FeedVehicle {
  id: string;
  kind: VehicleKind;
}

export interface RecordedPolicy {
  id: string;
  insurer: string;
  policyNumber: string;
  effectiveDate: string;
  expirationDate: string;
  cancelledOn?: string | null;
}

export type RowDecision =
  | { outcome: 'refused'; errors: FieldError[] }
  // issue or renew: a new policy period.
  | { outcome: 'recorded' }
  // cancel: these periods are cancelled on `on` (the first day without cover).
  | { outcome: 'cancelled'; policyIds: string[]; on: string }
  // Already in the records (the same row of an earlier feed): applied, nothing to write.
  | { outcome: 'unchanged' };

const refused = (field: string, message: string): RowDecision => ({ outcome: 'refused', errors: [{ field, message }] });

const coverageDecision = (kind: VehicleKind, row: FeedRow, today: string): RowDecision | undefined => {
  const assessment = assessPolicy(kind, row.terms, today);
  switch (assessment.outcome) {
    case 'acceptable':
      return undefined;
    case 'expired':
      return refused('expirationDate', `must be after today (${today}): insurance is required at all times`);
    case 'binder-too-short':
      return refused('expirationDate', `a binder must be valid for at least ${BINDER_MIN_DAYS} days`);
    default:
      return { outcome: 'refused', errors: assessment.errors };
  }
};

// Rows of a feed repeat the same terms (one insurer's dates and limits for thousands of vehicles): the
// coverage rules, pure, are asked once per distinct (kind, dates, limits, day). Bounded.
const DECISION_CACHE_LIMIT = 10_000;
const decisions = new Map<string, RowDecision | undefined>();
const cachedCoverageDecision = (kind: VehicleKind, row: FeedRow, today: string): RowDecision | undefined => {
  const t = row.terms;
  const key = [
    kind,
    today,
    t.effectiveDate,
    t.expirationDate,
    t.combinedSingleLimit?.amount,
    t.bodilyInjuryPerPerson?.amount,
    t.bodilyInjuryPerAccident?.amount,
    t.propertyDamage?.amount,
  ].join('|');
  if (decisions.has(key)) return decisions.get(key);
  if (decisions.size >= DECISION_CACHE_LIMIT) decisions.clear();
  const decision = coverageDecision(kind, row, today);
  decisions.set(key, decision);
  return decision;
};

export const decideFeedRow = (
  row: FeedRow,
  vehicle: FeedVehicle | undefined,
  policies: readonly RecordedPolicy[],
  today: string,
): RowDecision => {
  if (!vehicle) return refused('vin', 'no vehicle registered with OFM has this VIN');
  const { insurer, policyNumber, effectiveDate, expirationDate } = row.terms;
  const same = policies.filter((p) => p.insurer === insurer && p.policyNumber === policyNumber);
  if (row.action === 'cancel') return cancelDecision(row, same);

  if (same.some((p) => p.effectiveDate === effectiveDate && p.expirationDate === expirationDate)) {
    return { outcome: 'unchanged' };
  }
  if (row.action === 'renew' && same.length === 0) {
    return refused('policyNumber', `no policy ${policyNumber} of ${insurer} is recorded for this vehicle to renew`);
  }
  if (row.action === 'issue' && same.length > 0) {
    return refused('policyNumber', `policy ${policyNumber} of ${insurer} is already recorded; a new period is a renew`);
  }
  return cachedCoverageDecision(vehicle.kind, row, today) ?? { outcome: 'recorded' };
};

// A cancellation ends the cover at the start of its day (the insurance service's cancelled_on): every
// period of the policy still covering on or after that day. Sent again, it finds nothing to end.
const cancelDecision = (row: FeedRow, same: readonly RecordedPolicy[]): RowDecision => {
  const { insurer, policyNumber, effectiveDate, expirationDate: on } = row.terms;
  const periods = effectiveDate === '' ? same : same.filter((p) => p.effectiveDate === effectiveDate);
  if (periods.length === 0) {
    return refused('policyNumber', `no policy ${policyNumber} of ${insurer} is recorded for this vehicle to cancel`);
  }
  const ending = periods.filter((p) => coverageEnd(p) > on);
  return ending.length === 0
    ? { outcome: 'unchanged' }
    : { outcome: 'cancelled', policyIds: ending.map((p) => p.id), on };
};
