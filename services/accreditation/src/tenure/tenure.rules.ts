import type { MemberStatus } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';
import { yearsInPost, type TenureFacts } from '../member/years-in-post.rules';
import { limitOf, type TenureLimits } from './tenure-limits';

export { wholeYearsBetween, yearsInPost, type TenureFacts } from '../member/years-in-post.rules';

// Time in post (DOMAIN.md "Time in the U.S."): whole years from the arrival date, counted like an
// age (the anniversary itself counts; an arrival on 29 February has its anniversary on 1 March in a
// common year), up to today or, once terminated, to the termination's effective date.

/** The members a mission's figures and the long-tenure flag are about: those in post or about to be. */
export const isServing = (status: MemberStatus): boolean => status === 'notified' || status === 'accredited';

export interface MemberTenureFigures {
  yearsInPost: number;
  limitYears?: number;
  pastLimit: boolean;
}

/** Years in post against the category's limit: past it from the day the limit's anniversary comes. */
export const tenureOf = (m: TenureFacts, limits: TenureLimits, today: IsoDay): MemberTenureFigures => {
  const years = yearsInPost(m, today);
  const limit = limitOf(limits, m.category);
  return {
    yearsInPost: years,
    ...(limit === undefined ? {} : { limitYears: limit }),
    pastLimit: limit !== undefined && isServing(m.status) && years >= limit,
  };
};

export interface MissionTenureFigures {
  memberCount: number;
  meanYearsInPost: number;
  maxYearsInPost: number;
  pastLimitCount: number;
}

/** A mission's figures over its serving members' figures (the mean to one decimal). */
export const missionTenure = (members: readonly MemberTenureFigures[]): MissionTenureFigures => {
  if (members.length === 0) return { memberCount: 0, meanYearsInPost: 0, maxYearsInPost: 0, pastLimitCount: 0 };
  const total = members.reduce((sum, m) => sum + m.yearsInPost, 0);
  return {
    memberCount: members.length,
    meanYearsInPost: Math.round((total / members.length) * 10) / 10,
    maxYearsInPost: Math.max(...members.map((m) => m.yearsInPost)),
    pastLimitCount: members.filter((m) => m.pastLimit).length,
  };
};

export type LongTenureAction = 'raise' | 'clear' | 'none';

/**
 * What the sweep does with a member's long-tenure flag: raise it once for a serving member past its
 * limit, clear it once the member is no longer serving or the limit no longer applies (changed or
 * removed), leave it otherwise.
 */
export const longTenureAction = (past: boolean, flagRaised: boolean): LongTenureAction => {
  if (past && !flagRaised) return 'raise';
  if (!past && flagRaised) return 'clear';
  return 'none';
};
