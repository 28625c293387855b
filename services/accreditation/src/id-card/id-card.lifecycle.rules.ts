import type { FieldError, IsoDay } from '@ofm/kernel';
import type { MemberEntity } from '../member/member.entity';

// Renewal and loss of the ID card. A renewal keeps the card's number (verification is online, by
// number: the renewed card reads the new expiry at once, and nobody must learn a second number); a
// lost or stolen card gets a replacement with a new number, since the old one may be in other hands.

type CardHolder = Pick<MemberEntity, 'status'> & {
  idCard?: { number?: string | null; expiresOn?: IsoDay | null } | null;
};

const holderProblems = (member: CardHolder): FieldError[] =>
  member.status !== 'accredited'
    ? [{ field: 'id', message: `Only an accredited member holds an ID card (the member is ${member.status})` }]
    : !member.idCard?.number
      ? [{ field: 'id', message: 'The member holds no ID card' }]
      : [];

/** A renewal must give a later expiry than the card has; each problem names its field. */
export const renewalProblems = (member: CardHolder, renewedExpiresOn: IsoDay): FieldError[] => {
  const held = holderProblems(member);
  if (held.length) return held;
  const current = member.idCard!.expiresOn!;
  return renewedExpiresOn > current
    ? []
    : [
        {
          field: 'visaExpiresOn',
          message: `A renewal today would expire on ${renewedExpiresOn}, not after the card's ${current} (the visa, the expected departure or a child's eligibility ends it)`,
        },
      ];
};

export const lossProblems = (member: CardHolder, reportedOn: IsoDay, today: IsoDay): FieldError[] => [
  ...holderProblems(member),
  ...(reportedOn > today ? [{ field: 'reportedOn', message: 'reportedOn must not be in the future' }] : []),
];
