import type { accreditation, MemberCategory } from '@ofm/contracts';
import type { FieldError, IsoDay } from '@ofm/kernel';
import { isDiplomaticTitle, unrecognizedTitleMessage } from '../accredit-member/diplomatic-title.rules';
import { needsNewAppointment } from '../change-member/change.rules';
import type { MemberEntity } from '../member/member.entity';

// A promotion (A&T to diplomatic agent, or any change of category that needs a new appointment):
// the current appointment ends — reason "promotion", immunity until the new one starts, so there is
// no gap — and a new appointment of the same person is notified.
export const PROMOTION_REASON = 'promotion';

// What a promotion gives is the request's own fields (member.proto PromoteMemberRequest), so a fact
// the new appointment may change is declared there alone: each one given replaces the person's.
export type Promotion = Omit<accreditation.PromoteMemberRequest, 'id' | 'expectedVersion'>;
type GivenFacts = Omit<Promotion, 'startsOn'>;
// Every fact a promotion gives is a fact of the member (compile-time check).
const givesMemberFacts: keyof GivenFacts extends keyof MemberEntity ? true : never = true;
void givesMemberFacts;

export const promotionProblems = (
  member: Pick<MemberEntity, 'category' | 'arrivalDate' | 'title'>,
  p: Promotion,
): FieldError[] => {
  const to = p.category as MemberCategory;
  const problems: FieldError[] = [];
  if (member.category === 'dependent' || to === 'dependent') {
    problems.push({ field: 'category', message: 'Only a principal is promoted, and never to a dependent' });
  } else if (!needsNewAppointment(member.category, to)) {
    problems.push({
      field: 'category',
      message: `A change from ${member.category} to ${to} keeps the appointment: notify it as a change (POST /members/{id}/changes)`,
    });
  }
  if (p.startsOn < member.arrivalDate) {
    problems.push({ field: 'startsOn', message: 'startsOn must not be before the arrival date' });
  }
  const title = p.title ?? member.title;
  if (to === 'diplomatic-agent' && !isDiplomaticTitle(title)) {
    problems.push({ field: 'title', message: unrecognizedTitleMessage(title) });
  }
  return problems;
};

/** The end of the replaced appointment: on the new one's first day, immunity running until then. */
export const promotionTermination = (startsOn: IsoDay) => ({
  terminationEffectiveDate: startsOn,
  terminationReason: PROMOTION_REASON,
  departureDate: null,
  departureExtensionRequested: false,
  immunityEndsOn: startsOn,
});

// What the new appointment takes over: the person (pid, name, birth, nationality, arrival in the
// U.S., household and residence facts), and what the promotion gives; what belongs to the old
// appointment's decision (status, level, card, refusal, termination, notification) starts afresh.
const OF_THE_APPOINTMENT = [
  'id',
  'status',
  'immunityLevel',
  'idCard',
  'failedCriteria',
  'decidedOn',
  'terminationEffectiveDate',
  'terminationReason',
  'departureDate',
  'departureExtensionRequested',
  'immunityEndsOn',
  'version',
  'createdAt',
  'updatedAt',
  'notifiedOn',
  'lateNotification',
  'previousAppointmentId',
] as const;
export type PersonFacts = Omit<MemberEntity, (typeof OF_THE_APPOINTMENT)[number]>;

export const promotedFacts = (member: MemberEntity, p: Promotion): PersonFacts & { previousAppointmentId: string } => {
  const dropped: readonly string[] = OF_THE_APPOINTMENT;
  const person = Object.fromEntries(Object.entries(member).filter(([k]) => !dropped.includes(k))) as PersonFacts;
  const { startsOn: _startsOn, ...gives } = p;
  const given = Object.fromEntries(Object.entries(gives).filter(([, value]) => value !== undefined)) as GivenFacts;
  return {
    ...person,
    ...given,
    category: p.category as MemberCategory,
    previousAppointmentId: member.id,
  };
};
