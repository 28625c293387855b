import type { IdCardLossKind, ImmunityLevel, verification, VerificationStatus } from '@ofm/contracts';
import { ofmDay, type IsoDay } from '@ofm/kernel';
import { isEligibleChild } from '../member/dependent.rules';
import { guidanceFor } from '../member/immunity.rules';
import type { MemberEntity } from '../member/member.entity';

// What a law-enforcement verification of an ID card answers (ofm.common.v1.Verification). Of the
// statuses of CONTRACT.md a card is `valid`, `expired` or `terminated`; `unknown` is a card nobody
// holds, or a person OFM never accredited; a number reported lost or stolen answers `reported-lost`
// or `reported-stolen` with who it was issued to, so an officer can tell a finder from the holder.
// (`suspended` and `disposed` belong to plates.)

// A number reported lost or stolen (id-card/) verifies so from the report on.
const REPORTED: Readonly<Record<IdCardLossKind, VerificationStatus>> = {
  lost: 'reported-lost',
  stolen: 'reported-stolen',
};

/** How a reported number verifies from the report on, whatever its holder's status. */
export const reportedStatus = (kind: IdCardLossKind): VerificationStatus => REPORTED[kind];

/** What a verification reads of the card holder. */
export type VerifiedHolder = Pick<
  MemberEntity,
  | 'givenName'
  | 'familyName'
  | 'missionCountry'
  | 'category'
  | 'status'
  | 'immunityLevel'
  | 'immunityEndsOn'
  | 'usCitizenOrPermanentResident'
  | 'relationship'
  | 'dateOfBirth'
  | 'fullTimeStudent'
  | 'disabled'
> & { idCard?: { expiresOn?: IsoDay | null } | null };

type StatusFacts = Pick<VerifiedHolder, 'status' | 'immunityEndsOn' | 'idCard'>;
type LevelFacts = Pick<
  VerifiedHolder,
  | 'status'
  | 'immunityLevel'
  | 'immunityEndsOn'
  | 'category'
  | 'relationship'
  | 'dateOfBirth'
  | 'fullTimeStudent'
  | 'disabled'
>;

/** A child dependent past the age that made it family (its card expired the day before). */
const agedOut = (holder: LevelFacts, today: IsoDay): boolean =>
  holder.category === 'dependent' && holder.relationship === 'child' && !isEligibleChild(holder, today);

/**
 * The one-word answer. A terminated appointment answers `terminated` (also once the immunity end
 * date has passed, whatever the stored status says); only an accredited member is `valid`, or
 * `expired` once the card's expiry date has passed (the card is valid on that day itself).
 */
export const verificationStatus = (holder: StatusFacts, today: IsoDay): VerificationStatus => {
  if (holder.status === 'terminated') return 'terminated';
  if (holder.immunityEndsOn && holder.immunityEndsOn < today) return 'terminated';
  if (holder.status !== 'accredited') return 'unknown';
  const expiresOn = holder.idCard?.expiresOn;
  return expiresOn && expiresOn < today ? 'expired' : 'valid';
};

/**
 * The P&I level in force today, the one an officer must respect and the answer shows: the accredited
 * level until immunity ends (the end date itself still counts), then none. A child who has aged out
 * is no longer family, so shares nothing, even before the mission notifies it. Undefined for someone
 * OFM never accredited.
 */
export const immunityInForce = (holder: LevelFacts, today: IsoDay): ImmunityLevel | undefined => {
  if (holder.status !== 'accredited' && holder.status !== 'terminated') return undefined;
  if (holder.immunityEndsOn && holder.immunityEndsOn < today) return 'none';
  if (agedOut(holder, today)) return 'none';
  return holder.immunityLevel ?? 'none';
};

/**
 * The answer of a verification checked at `now`: who holds the card, the level in force today and
 * the booklet's guidance for it (an expired card keeps its holder's guidance: immunity follows the
 * accreditation, not the card). A card nobody holds, or someone OFM never accredited, answers
 * `unknown` and nothing about a person.
 */
export const verificationOf = (
  holder: VerifiedHolder | undefined,
  missionName: string | undefined,
  now: Date,
  reported?: IdCardLossKind,
): verification.Verification => {
  const checkedAt = now.toISOString();
  const today = ofmDay(now);
  const current = holder ? verificationStatus(holder, today) : 'unknown';
  const status = reported && current !== 'unknown' ? reportedStatus(reported) : current;
  const level = holder && immunityInForce(holder, today);
  if (!holder || status === 'unknown' || !level) return { status: 'unknown', checkedAt };
  return {
    status,
    name: `${holder.givenName} ${holder.familyName}`,
    mission: missionName,
    country: holder.missionCountry,
    category: holder.category,
    immunityLevel: level,
    guidance: guidanceFor(holder.category, level, {
      usCitizenOrPermanentResident: holder.usCitizenOrPermanentResident,
    }),
    immunityEndsOn: holder.immunityEndsOn ?? undefined,
    checkedAt,
  };
};
