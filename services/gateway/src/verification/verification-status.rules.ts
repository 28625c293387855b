// The one-word answer of a verification (CONTRACT.md): valid, expired, terminated, suspended, unknown.
// For an ID card (and a vehicle's owner) accreditation decides it; for a plate it follows the
// registration the vehicles service answers.
export const VERIFICATION_STATUSES = ['valid', 'expired', 'terminated', 'suspended', 'unknown'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

// Dates are ISO days; comparing the strings compares the days.
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** A status as a service sent it; anything else (e.g. '' from an older service) reads as unknown. */
export const verificationStatusOf = (value: string | undefined): VerificationStatus =>
  (VERIFICATION_STATUSES as readonly string[]).includes(value ?? '') ? (value as VerificationStatus) : 'unknown';

export interface PlateFacts {
  // pending-insurance, active, suspended, disposal-due, disposed
  registrationStatus: string;
  registrationExpiresOn?: string;
}

export const plateStatus = (facts: PlateFacts, today: Date): VerificationStatus => {
  const day = isoDay(today);
  switch (facts.registrationStatus) {
    case 'disposed':
      return 'terminated';
    case 'suspended':
    // No valid insurance yet: the vehicle may not be driven, which is what suspended tells an officer.
    case 'pending-insurance':
      return 'suspended';
    case 'active':
    // Still registered until disposed of after the owner's termination.
    case 'disposal-due':
      return facts.registrationExpiresOn && facts.registrationExpiresOn < day ? 'expired' : 'valid';
    default:
      return 'unknown';
  }
};

/**
 * The immunity level shown beside accreditation's guidance: the accredited level, or `none` once the
 * immunity end date that accreditation sent has passed (the day itself still counts) — so that the
 * level an officer reads matches the guidance, which accreditation gives for the level in force.
 */
export const shownImmunityLevel = (immunityLevel: string, immunityEndsOn: string, today: Date): string | null => {
  if (immunityEndsOn && immunityEndsOn < isoDay(today)) return 'none';
  return immunityLevel || null;
};
