import type { common, vehicles } from '@ofm/contracts';
import type { PolicyTerms } from './coverage.rules';

// proto-loader hands absent messages over as null (defaults: true) and ts-proto as undefined; an
// all-empty Money is what a client that "did not set it" sends through some JSON mappers.
const present = (money: common.Money | null | undefined): common.Money | undefined =>
  money && (money.amount || money.currency)
    ? { amount: money.amount ?? '', currency: money.currency ?? '' }
    : undefined;

export const policyTermsOf = (request: vehicles.AddInsurancePolicyRequest): PolicyTerms => {
  const terms: PolicyTerms = {
    insurer: request.insurer ?? '',
    policyNumber: request.policyNumber ?? '',
    effectiveDate: request.effectiveDate ?? '',
    expirationDate: request.expirationDate ?? '',
  };
  // proto3 sends '' for "not stated".
  const proofType = request.proofType?.trim();
  if (proofType) terms.proofType = proofType;
  const limits = {
    combinedSingleLimit: present(request.combinedSingleLimit),
    bodilyInjuryPerPerson: present(request.bodilyInjuryPerPerson),
    bodilyInjuryPerAccident: present(request.bodilyInjuryPerAccident),
    propertyDamage: present(request.propertyDamage),
  };
  for (const [field, money] of Object.entries(limits)) {
    if (money) terms[field as keyof typeof limits] = money;
  }
  return terms;
};
