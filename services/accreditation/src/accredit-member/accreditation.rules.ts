import type { IdCardColor, ImmunityLevel, MemberCategory } from '@ofm/contracts';
import { ageOn, type IsoDay } from '@ofm/kernel';
import { consularImmunityDecision, defaultProfile, type ReciprocityProfile } from '@ofm/reciprocity';
import { dependentCriteria } from '../member/dependent.rules';
import { idCardColorFor, immunityLevelFor } from '../member/immunity.rules';
import type { CriterionCode, FailedCriterion, MemberFacts, MissionFacts, PrincipalFacts } from '../member/member.facts';
import { isDiplomaticTitle, unrecognizedTitleMessage } from './diplomatic-title.rules';
import { fittingVisaClasses } from './visa-class.rules';

// The facts the criteria read are the member's (member.facts.ts), shared with its other rules.
export type { CriterionCode, FailedCriterion, MemberFacts, MissionFacts, PrincipalFacts } from '../member/member.facts';

// Every decision names the version of the sending country's reciprocity profile it used.
export type AccreditationDecision = { profileVersion: number } & (
  | { accredited: true; immunityLevel: ImmunityLevel; idCardColor: IdCardColor | undefined }
  | { accredited: false; failedCriteria: FailedCriterion[] }
);

export const DIPLOMATIC_AGENT_MIN_AGE = 21;
export const FULL_TIME_WEEKLY_HOURS = 35;

// Where each category may serve. Diplomatic agents are employed only at embassies; consular staff at
// consular posts; IO staff at missions to IOs or at IOs. TECO offices (Taiwan, through AIT) employ
// staff at embassy-like and consular-like levels. MFGO staff hold no diplomatic or consular status,
// so only locally employed staff and domestic workers fit there — and those two fit everywhere.
const ALL: readonly string[] = ['*'];
const MISSION_TYPES_FOR: Readonly<Record<Exclude<MemberCategory, 'dependent'>, readonly string[]>> = {
  'diplomatic-agent': ['embassy'],
  'administrative-technical': ['embassy', 'teco'],
  'service-staff': ['embassy', 'teco'],
  'consular-officer': ['consular-post', 'teco'],
  'consular-employee': ['consular-post', 'teco'],
  'consular-service-staff': ['consular-post', 'teco'],
  'honorary-consular-officer': ['honorary-consular-post'],
  'io-diplomatic': ['un-mission', 'un-observer-mission', 'oas-mission'],
  'io-support-staff': ['un-mission', 'un-observer-mission', 'oas-mission'],
  'io-official': ['international-organization'],
  'locally-employed': ALL,
  'domestic-worker': ALL,
};

// A&T, service staff and consular employees/service staff get P&I only on the sending state's
// attestation that it pays travel both ways and transfers them out under its transfer policy.
const NEEDS_TRANSFER_ATTESTATION: readonly MemberCategory[] = [
  'administrative-technical',
  'service-staff',
  'consular-employee',
  'consular-service-staff',
];

type Check = [criterion: CriterionCode, passes: boolean, message: string];

const failures = (checks: Check[]): FailedCriterion[] =>
  checks.filter(([, passes]) => !passes).map(([criterion, , message]) => ({ criterion, message }));

const visaCheck = (member: MemberFacts, principal?: PrincipalFacts): Check[] => {
  const fitting = fittingVisaClasses(member.category, principal);
  if (!fitting) return [];
  const held = member.visaClass ?? 'none';
  return [
    [
      'visa-class',
      fitting.includes(held),
      `A ${member.category} must hold a ${fitting.join(' or ')} visa (holds: ${held})`,
    ],
  ];
};

const missionTypeCheck = (member: MemberFacts, mission: MissionFacts): Check[] => {
  if (member.category === 'dependent') return [];
  const allowed = MISSION_TYPES_FOR[member.category];
  if (allowed === ALL) return [];
  return [
    [
      'mission-type',
      allowed.includes(mission.type),
      `A ${member.category} serves only at a mission of type ${allowed.join(' or ')} (this mission is ${mission.type})`,
    ],
  ];
};

// All nine criteria of the State Department's diplomatic-agent policy, each checked on its own so
// that a refusal names every one that fails.
const diplomaticAgentChecks = (m: MemberFacts, mission: MissionFacts, today: IsoDay): Check[] => {
  const age = ageOn(m.dateOfBirth, today);
  return [
    [
      'sending-state-national',
      m.nationality === mission.country,
      `Must be a national of the sending state (${mission.country}); nationality is ${m.nationality}`,
    ],
    [
      'not-us-citizen-or-permanent-resident',
      !m.usCitizenOrPermanentResident,
      'Must not be a U.S. citizen or permanent resident',
    ],
    [
      'diplomatic-passport',
      m.passportType === 'diplomatic',
      `Must hold a diplomatic passport (holds: ${m.passportType ?? 'none'})`,
    ],
    ['recognized-title', isDiplomaticTitle(m.title), unrecognizedTitleMessage(m.title)],
    [
      'minimum-age',
      age >= DIPLOMATIC_AGENT_MIN_AGE,
      `Must be at least ${DIPLOMATIC_AGENT_MIN_AGE} years old (is ${age})`,
    ],
    [
      'washington-metro-residence',
      m.residesInWashingtonMetro,
      'Must reside full-time in the Washington metropolitan area',
    ],
    [
      'full-time-duties',
      (m.weeklyHours ?? 0) >= FULL_TIME_WEEKLY_HOURS,
      `Must perform diplomatic functions at least ${FULL_TIME_WEEKLY_HOURS} hours a week (works ${m.weeklyHours ?? 'no hours given'})`,
    ],
    [
      'no-commercial-activity',
      !m.commercialActivity,
      'Must have no professional or commercial activity in the United States',
    ],
    [
      'no-pending-serious-charge',
      !m.pendingSeriousCharge,
      'Must not be subject to a pending U.S. criminal charge punishable by one year or more',
    ],
  ];
};

const categoryChecks = (m: MemberFacts, mission: MissionFacts, today: IsoDay): Check[] => {
  if (m.category === 'diplomatic-agent') return diplomaticAgentChecks(m, mission, today);
  if (NEEDS_TRANSFER_ATTESTATION.includes(m.category)) {
    return [
      [
        'transfer-policy-attested',
        m.transferPolicyAttested,
        'The sending state must attest that it pays travel to and from the U.S. and will transfer the member out under its transfer policy',
      ],
    ];
  }
  if (m.category === 'honorary-consular-officer') {
    return [
      [
        'us-citizen-or-permanent-resident',
        m.usCitizenOrPermanentResident,
        'An honorary consular officer must be a U.S. citizen or permanent resident',
      ],
    ];
  }
  return [];
};

/**
 * Decides a notified appointment. `principal` is required for dependents (a missing principal fails
 * `principal-accredited`); `today` is the decision date (ages are counted on it); `profile` is the
 * sending country's reciprocity profile in force today (its documented default when none is
 * recorded): it decides a same-sex spouse and consular immunity by bilateral agreement.
 */
export const evaluateAccreditation = (
  member: MemberFacts,
  mission: MissionFacts,
  principal: PrincipalFacts | undefined,
  today: IsoDay,
  profile: ReciprocityProfile = defaultProfile(mission.country),
): AccreditationDecision => {
  const failed = failures([
    ...missionTypeCheck(member, mission),
    ...visaCheck(member, principal),
    ...(member.category === 'dependent'
      ? dependentCriteria(member, principal, today, profile)
      : categoryChecks(member, mission, today)),
  ]);
  const profileVersion = profile.version;
  if (failed.length) return { accredited: false, failedCriteria: failed, profileVersion };
  const immunityLevel = immunityLevelFor(member, principal, {
    consularFullImmunityByAgreement: consularImmunityDecision(profile).outcome,
  });
  return {
    accredited: true,
    immunityLevel,
    idCardColor: idCardColorFor(member.category, immunityLevel, principal?.category, member),
    profileVersion,
  };
};
