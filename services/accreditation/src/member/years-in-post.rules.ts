import type { MemberCategory, MemberStatus } from '@ofm/contracts';
import { ageOn, isAfter, type IsoDay } from '@ofm/kernel';

// Time in post (DOMAIN.md "Time in the U.S."): whole years from the arrival date, counted like an
// age (the anniversary itself counts; an arrival on 29 February has its anniversary on 1 March in a
// common year), up to today or, once terminated, to the termination's effective date. A fact of the
// member, shown on every member answer; the limits and the long-tenure flag are tenure/'s.

export interface TenureFacts {
  category: MemberCategory;
  status: MemberStatus;
  arrivalDate: IsoDay;
  terminationEffectiveDate?: IsoDay | null;
}

/** Whole years from `arrival` to `until`; 0 before the arrival or before the first anniversary. */
export const wholeYearsBetween = (arrival: IsoDay, until: IsoDay): number =>
  isAfter(arrival, until) ? 0 : ageOn(arrival, until);

/** A member's years in post on `today`; a refused appointment never began (0). */
export const yearsInPost = (m: TenureFacts, today: IsoDay): number => {
  if (m.status === 'refused') return 0;
  const until = m.status === 'terminated' && m.terminationEffectiveDate ? m.terminationEffectiveDate : today;
  return wholeYearsBetween(m.arrivalDate, isAfter(until, today) ? today : until);
};
