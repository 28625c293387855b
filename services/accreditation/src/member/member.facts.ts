import type { MissionEntity } from '../mission/mission.entity';
import type { DependentFacts } from './dependent.rules';
import type { MemberEntity } from './member.entity';

/** What the criteria read of a person: the facts of its notification, as stored. */
export type MemberFacts = DependentFacts &
  Pick<
    MemberEntity,
    | 'category'
    | 'nationality'
    | 'usCitizenOrPermanentResident'
    | 'passportType'
    | 'title'
    | 'visaClass'
    | 'residesInWashingtonMetro'
    | 'weeklyHours'
    | 'commercialActivity'
    | 'transferPolicyAttested'
  >;

/** A dependent's principal as the criteria see it: its category, visa and where its accreditation stands. */
export type PrincipalFacts = Pick<
  MemberEntity,
  'category' | 'usCitizenOrPermanentResident' | 'visaClass' | 'status' | 'immunityLevel'
>;

export type MissionFacts = Pick<MissionEntity, 'type' | 'country'>;

// Stable codes of the accreditation criteria: clients key on them (REST `errors[].field`, the
// `failed_criteria` of memberRefused), so a code is never renamed, only added.
export type CriterionCode =
  | 'mission-type'
  | 'visa-class'
  | 'sending-state-national'
  | 'not-us-citizen-or-permanent-resident'
  | 'diplomatic-passport'
  | 'recognized-title'
  | 'minimum-age'
  | 'washington-metro-residence'
  | 'full-time-duties'
  | 'no-commercial-activity'
  | 'no-pending-serious-charge'
  | 'transfer-policy-attested'
  | 'us-citizen-or-permanent-resident'
  | 'principal-accredited'
  | 'relationship'
  | 'child-eligibility'
  | 'same-sex-spouse-reciprocity';

export interface FailedCriterion {
  criterion: CriterionCode;
  message: string;
}
