import type { reciprocity } from '@ofm/contracts';

export type ReciprocityProfile = reciprocity.ReciprocityProfile;

/** Hours before departure a travel notice is due where a country's profile sets no other. */
export const DEFAULT_TRAVEL_LEAD_TIME_HOURS = 48;

/** Miles from the centre (the White House, or Columbus Circle for UN missions) beyond which travel is controlled. */
export const DEFAULT_TRAVEL_RADIUS_MILES = 25;

/** The day every default profile applies from: the Vienna Convention on Diplomatic Relations was signed. */
export const DEFAULT_EFFECTIVE_FROM = '1961-04-18';

export const DEFAULT_SOURCE = 'default: the Vienna Conventions baseline, no reciprocity information recorded';

/** Who "recorded" a default version. */
export const DEFAULT_RECORDER = 'default';

// Every country has a profile from the start, so no benefit decision ever lacks one. The default is
// what the Vienna Conventions give every mission, and nothing that only reciprocity earns:
// - property purchase allowed, tax relief full, duty-free entry full: VCDR Arts. 21, 23, 34 and 36
//   oblige the receiving state to these, so OFM restricts them only on a recorded reciprocal limit;
// - one tax-free vehicle per member, no disposition surcharge: the least a receiving state grants;
// - same-sex spouses not accredited, no consular bilateral agreement, no fuel and utility exemption:
//   these exist only by reciprocity (objective 1.4, VCCR Art. 73, VCDR Art. 34(a)), so OFM grants
//   them once the country's practice is recorded;
// - no travel controls: they mirror restrictions a country puts on U.S. staff, and none is known;
//   radius and lead time are those of DOMAIN.md, ready when controls are switched on.
export const defaultProfile = (country: string): ReciprocityProfile => ({
  country,
  version: 1,
  effectiveFrom: DEFAULT_EFFECTIVE_FROM,
  source: DEFAULT_SOURCE,
  propertyPurchase: 'allowed',
  taxRelief: 'full',
  dutyFreeEntry: 'full',
  taxFreeVehiclesPerMember: 1,
  vehicleDispositionSurcharge: false,
  sameSexSpouseAccreditation: 'denied',
  fuelAndUtilityExemption: false,
  consularBilateralAgreement: false,
  travelControls: 'none',
  travelRadiusMiles: DEFAULT_TRAVEL_RADIUS_MILES,
  travelLeadTimeHours: DEFAULT_TRAVEL_LEAD_TIME_HOURS,
  travelCategories: [],
  engagementNotices: false,
  recordedBy: DEFAULT_RECORDER,
  recordedAt: '',
});
