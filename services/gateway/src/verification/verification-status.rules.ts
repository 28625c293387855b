// The one-word answer of a verification (CONTRACT.md): valid, expired, terminated, suspended, unknown.
export const VERIFICATION_STATUSES = ['valid', 'expired', 'terminated', 'suspended', 'unknown'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export interface CardHolderFacts {
  // notified, accredited, refused, terminated
  status: string;
  idCardExpiresOn?: string;
  immunityEndsOn?: string;
}

// Dates are ISO days; comparing the strings compares the days.
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export const idCardStatus = (facts: CardHolderFacts, today: Date): VerificationStatus => {
  const day = isoDay(today);
  if (facts.status === 'terminated') return 'terminated';
  if (facts.immunityEndsOn && facts.immunityEndsOn < day) return 'terminated';
  // A card is only issued on accreditation; a card number of anyone else is not a valid card.
  if (facts.status !== 'accredited' || !facts.idCardExpiresOn) return 'unknown';
  return facts.idCardExpiresOn < day ? 'expired' : 'valid';
};

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
