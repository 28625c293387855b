import type { reciprocity } from '@ofm/contracts';
import type { ProfileVersionEntity } from './profile-version.entity';

/** A stored version as the proto message (every field present; no agreement when none brought it). */
export const toProfileMessage = (row: ProfileVersionEntity): reciprocity.ReciprocityProfile => ({
  country: row.country,
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  source: row.source,
  propertyPurchase: row.propertyPurchase,
  taxRelief: row.taxRelief,
  dutyFreeEntry: row.dutyFreeEntry,
  taxFreeVehiclesPerMember: row.taxFreeVehiclesPerMember,
  vehicleDispositionSurcharge: row.vehicleDispositionSurcharge,
  sameSexSpouseAccreditation: row.sameSexSpouseAccreditation,
  fuelAndUtilityExemption: row.fuelAndUtilityExemption,
  consularBilateralAgreement: row.consularBilateralAgreement,
  travelControls: row.travelControls,
  travelRadiusMiles: row.travelRadiusMiles,
  travelLeadTimeHours: row.travelLeadTimeHours,
  travelCategories: row.travelCategories,
  engagementNotices: row.engagementNotices,
  ...(row.agreementId ? { agreementId: row.agreementId } : {}),
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});
