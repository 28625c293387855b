import type { IsoDate } from '../shared/calendar.util';
import { guidanceFor, type LawEnforcementGuidance } from './immunity.rules';
import type { ImmunityLevel, MemberCategory, MemberStatus } from './member.model';

// What the law-enforcement verification answers about a person (CONTRACT.md statuses; `suspended`
// belongs to vehicle registrations). `unknown` is a card or member OFM never accredited.
export const VERIFICATION_STATUSES = ['valid', 'expired', 'terminated', 'unknown'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** What a verification reads of a stored member. */
export interface VerifiedMemberFacts {
  status: MemberStatus;
  category: MemberCategory;
  immunityLevel?: ImmunityLevel | null;
  idCardExpiresOn?: IsoDate | null;
  immunityEndsOn?: IsoDate | null;
}

export interface Verification {
  status: VerificationStatus;
  // The booklet's words for the immunity in force today; undefined when the status is unknown.
  guidance: LawEnforcementGuidance | undefined;
}

/**
 * The one-word answer. A terminated appointment answers `terminated` (also once the immunity end
 * date has passed, whatever the stored status says); only an accredited member is `valid`, or
 * `expired` once the card's expiry date has passed (the card is valid on that day itself).
 */
export const verificationStatus = (member: VerifiedMemberFacts, today: IsoDate): VerificationStatus => {
  if (member.status === 'terminated') return 'terminated';
  if (member.immunityEndsOn && member.immunityEndsOn < today) return 'terminated';
  if (member.status !== 'accredited') return 'unknown';
  return member.idCardExpiresOn && member.idCardExpiresOn < today ? 'expired' : 'valid';
};

/**
 * The P&I level an officer must respect today: the accredited level until immunity ends (the end date
 * itself still counts), then none. Undefined for someone OFM never accredited or terminated.
 */
export const immunityInForce = (member: VerifiedMemberFacts, today: IsoDate): ImmunityLevel | undefined => {
  if (member.status !== 'accredited' && member.status !== 'terminated') return undefined;
  if (member.immunityEndsOn && member.immunityEndsOn < today) return 'none';
  return member.immunityLevel ?? 'none';
};

/** Status and guidance of a law-enforcement verification (VerifyIdCard, VerifyMember). */
export const verificationOf = (member: VerifiedMemberFacts, today: IsoDate): Verification => {
  const status = verificationStatus(member, today);
  const level = immunityInForce(member, today);
  return { status, guidance: status === 'unknown' || !level ? undefined : guidanceFor(member.category, level) };
};
