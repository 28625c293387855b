import type { common, ProofType, vehicles } from '@ofm/contracts';
import type { PolicyTerms } from './coverage.rules';
import type { InsurancePolicyEntity } from './insurance-policy.entity';

const money = (amount: string | undefined, currency: string): common.Money | undefined =>
  amount === undefined ? undefined : { amount, currency };

/** Entity → ofm.vehicles.v1.InsurancePolicy: the same names; unset limits and proof type stay undefined. */
export const toInsurancePolicyMessage = (p: InsurancePolicyEntity): vehicles.InsurancePolicy => ({
  id: p.id,
  vehicleId: p.vehicleId,
  insurer: p.insurer,
  policyNumber: p.policyNumber,
  effectiveDate: p.effectiveDate,
  expirationDate: p.expirationDate,
  combinedSingleLimit: money(p.combinedSingleLimit, p.currency),
  bodilyInjuryPerPerson: money(p.bodilyInjuryPerPerson, p.currency),
  bodilyInjuryPerAccident: money(p.bodilyInjuryPerAccident, p.currency),
  propertyDamage: money(p.propertyDamage, p.currency),
  createdAt: p.createdAt.toISOString(),
  proofType: p.proofType,
  cancelledOn: p.cancelledOn,
  cancellationReason: p.cancellationReason,
});

/**
 * The terms of a request the declared rules have passed (vehicle.proto: the proof type is one of
 * PROOF_TYPE, the limits one form or the other). gRPC delivers an unset message field as null; the
 * rules read it as undefined.
 */
export const policyTermsOf = (request: vehicles.AddInsurancePolicyRequest): PolicyTerms => ({
  insurer: request.insurer,
  policyNumber: request.policyNumber,
  effectiveDate: request.effectiveDate,
  expirationDate: request.expirationDate,
  proofType: request.proofType as ProofType | undefined,
  combinedSingleLimit: request.combinedSingleLimit ?? undefined,
  bodilyInjuryPerPerson: request.bodilyInjuryPerPerson ?? undefined,
  bodilyInjuryPerAccident: request.bodilyInjuryPerAccident ?? undefined,
  propertyDamage: request.propertyDamage ?? undefined,
});
