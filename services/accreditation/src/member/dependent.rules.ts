import { ageOn, type IsoDay } from '@ofm/kernel';
import { sameSexSpouseDecision, type ReciprocityProfile } from '@ofm/reciprocity';
import type { MemberEntity } from './member.entity';

/** What the family criteria read of a dependent. */
export type DependentFacts = Pick<
  MemberEntity,
  'relationship' | 'dateOfBirth' | 'fullTimeStudent' | 'disabled' | 'pendingSeriousCharge' | 'sameSexSpouse'
>;
type Principal = Pick<MemberEntity, 'category' | 'status'>;

// Who counts as family (DOMAIN.md; the State Department's 2016 definition for A and G dependants).
export const CHILD_MAX_AGE = 21; // exclusive: "under 21"
export const STUDENT_CHILD_MAX_AGE = 23; // exclusive: "under 23 in full-time study"

type Check = [
  criterion:
    | 'principal-accredited'
    | 'relationship'
    | 'child-eligibility'
    | 'no-pending-serious-charge'
    | 'same-sex-spouse-reciprocity',
  passes: boolean,
  message: string,
];

const principalCheck = (principal: Principal | undefined): Check => {
  if (!principal) return ['principal-accredited', false, 'The principal is unknown'];
  if (principal.status === 'terminated')
    return ['principal-accredited', false, 'The principal’s appointment is terminated'];
  return [
    'principal-accredited',
    principal.status === 'accredited',
    `The principal must be accredited first (principal is ${principal.status})`,
  ];
};

export const isEligibleChild = (
  child: Pick<DependentFacts, 'dateOfBirth' | 'fullTimeStudent' | 'disabled'>,
  today: IsoDay,
): boolean => {
  const age = ageOn(child.dateOfBirth, today);
  return age < CHILD_MAX_AGE || (child.fullTimeStudent && age < STUDENT_CHILD_MAX_AGE) || child.disabled;
};

/**
 * The family criteria. `profile` is the sending country's reciprocity profile in force on the day:
 * a same-sex spouse is accredited only where that country accredits the same-sex spouses of U.S.
 * staff (objective 1.4), and the criterion's message names the profile version either way.
 */
export const dependentCriteria = (
  member: DependentFacts,
  principal: Principal | undefined,
  today: IsoDay,
  profile: ReciprocityProfile,
): Check[] => {
  const checks: Check[] = [principalCheck(principal)];
  if (member.relationship === 'child') {
    const age = ageOn(member.dateOfBirth, today);
    checks.push([
      'child-eligibility',
      isEligibleChild(member, today),
      `A child must be under ${CHILD_MAX_AGE}, under ${STUDENT_CHILD_MAX_AGE} in full-time study, or disabled (is ${age})`,
    ]);
  } else if (member.relationship === 'spouse') {
    if (member.sameSexSpouse) {
      const decision = sameSexSpouseDecision(profile);
      checks.push(['same-sex-spouse-reciprocity', decision.outcome === 'accredit', decision.reason]);
    }
  } else {
    checks.push(['relationship', false, `Relationship must be spouse or child (is ${member.relationship ?? 'none'})`]);
  }
  // The diplomatic-agent criterion on pending serious charges also covers the household.
  if (principal?.category === 'diplomatic-agent') {
    checks.push([
      'no-pending-serious-charge',
      !member.pendingSeriousCharge,
      'A household member of a diplomatic agent must not be subject to a pending U.S. criminal charge punishable by one year or more',
    ]);
  }
  return checks;
};
