import type { common, vehicles } from '@ofm/contracts';
import type { InsurancePolicyEntity } from './insurance-policy.entity';

const money = (amount: string | null, currency: string): common.Money | undefined =>
  amount === null ? undefined : { amount, currency };

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
  proofType: p.proofType ?? '',
});
