import type { InsuranceStatus, RegistrationStatus, VehicleKind } from '@ofm/contracts';
import { addDays } from '@ofm/kernel';
import { isInsured, lapsedOn, type PolicyPeriod } from './coverage.rules';

// What a registration's policies say about it on a day, as a pure decision (coverage-judgement.ts
// applies it): nothing to do, reinstate (covered, but not yet active and insured, or a lapse flag
// open), or lapse (the cover ended: mark lapsed and flag once, suspend once the grace period ran out).

export interface CoverageState {
  kind: VehicleKind;
  registrationStatus: RegistrationStatus;
  insuranceStatus: InsuranceStatus;
  lapseFlagId: string | null;
}

export type CoverageVerdict =
  | { action: 'none' }
  | { action: 'reinstate' }
  | { action: 'lapse'; lapsedOn: string; newlyLapsed: boolean; suspends: boolean };

const NONE: CoverageVerdict = { action: 'none' };

export const coverageVerdict = (
  state: CoverageState,
  policies: readonly PolicyPeriod[],
  on: string,
  graceDays: number,
): CoverageVerdict => {
  // A trailer needs no insurance; a disposed vehicle is off the road.
  if (state.kind === 'trailer' || state.registrationStatus === 'disposed') return NONE;
  if (isInsured(policies, on)) {
    const waiting = state.registrationStatus === 'pending-insurance' || state.registrationStatus === 'suspended';
    return waiting || state.insuranceStatus !== 'insured' || state.lapseFlagId ? { action: 'reinstate' } : NONE;
  }
  // A vehicle never insured has not lapsed: it waits as pending-insurance.
  if (state.insuranceStatus === 'uninsured') return NONE;
  // Insured with no policy that ended (its only policy was cancelled before it began): lapsed today.
  const lapse = lapsedOn(policies, on) ?? on;
  const newlyLapsed = state.insuranceStatus !== 'lapsed';
  const suspends = state.registrationStatus === 'active' && on >= addDays(lapse, graceDays);
  return newlyLapsed || suspends ? { action: 'lapse', lapsedOn: lapse, newlyLapsed, suspends } : NONE;
};
