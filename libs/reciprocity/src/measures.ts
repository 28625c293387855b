import type { reciprocity } from '@ofm/contracts';
import type { ReciprocityProfile } from './profile';

/**
 * Objective 1.4's measures on a day: how many countries grant U.S. missions each benefit, counted
 * over the version of every country's profile in force that day (one per country; the caller
 * chooses them with `inForce`, so past days are exact).
 */
export const measuresAsOf = (profilesInForce: readonly ReciprocityProfile[], day: string): reciprocity.Measures => {
  const count = (granted: (p: ReciprocityProfile) => boolean) => profilesInForce.filter(granted).length;
  return {
    asOf: day,
    countries: profilesInForce.length,
    propertyPurchaseAllowed: count((p) => p.propertyPurchase === 'allowed'),
    propertyLeaseOnly: count((p) => p.propertyPurchase === 'lease-only'),
    taxReliefGranted: count((p) => p.taxRelief === 'full' || p.taxRelief === 'restricted'),
    vehiclesAllowed: count((p) => p.taxFreeVehiclesPerMember > 0),
    sameSexSpouseAccreditationGranted: count((p) => p.sameSexSpouseAccreditation === 'granted'),
    consularBilateralAgreements: count((p) => p.consularBilateralAgreement),
    dutyFreeEntryGranted: count((p) => p.dutyFreeEntry === 'full' || p.dutyFreeEntry === 'first-installation'),
  };
};
