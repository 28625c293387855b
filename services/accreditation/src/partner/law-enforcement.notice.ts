import { EVENT_TYPES, type IdCardLossKind, type ImmunityChange } from '@ofm/contracts';
import { ofmDay } from '@ofm/kernel';
import { verificationOf, type VerifiedHolder } from '../verify-member/verification.rules';

/** A card holder as the notice reads it: what a verification reads, and the card's number. */
export type NoticedHolder = VerifiedHolder & { idCard?: { number?: string | null; expiresOn?: string | null } | null };

// The law-enforcement partner topic carries, for each change of a card holder's immunity, the card
// number and exactly what GET /verify?idCard= answers at that moment — built by the same rule
// (verificationOf), so the feed and the verification never disagree, and nothing else: the
// Verification message has no date of birth, address or internal id to leak. A person without a
// card (a notified member, locally employed staff) cannot be checked by an officer: no notice.
export const lawEnforcementNotice = (
  change: ImmunityChange,
  holder: NoticedHolder,
  missionName: string,
  now: Date,
  reported?: IdCardLossKind,
) => {
  const number = holder.idCard?.number;
  if (!number) return undefined;
  return {
    type: EVENT_TYPES.immunityStatusChanged,
    subject: number,
    data: {
      change,
      idCardNumber: number,
      verification: verificationOf(holder, missionName, now, reported),
      effectiveOn: ofmDay(now),
    },
  };
};

/** The notices of several holders, leaving out those without a card. */
export const lawEnforcementNotices = (
  change: ImmunityChange,
  holders: readonly NoticedHolder[],
  missionName: string,
  now: Date,
  reported?: IdCardLossKind,
) => holders.flatMap((h) => lawEnforcementNotice(change, h, missionName, now, reported) ?? []);
