import {
  IMMUNITY_LEVEL,
  type IdCardColor,
  type ImmunityLevel,
  type MemberCategory,
  type verification,
} from '@ofm/contracts';
import type { MemberEntity } from './member.entity';

type PrincipalCategory = Exclude<MemberCategory, 'dependent'>;
type Person = Pick<MemberEntity, 'category' | 'usCitizenOrPermanentResident'>;
/** A dependent's principal: its own facts and, once accredited, its level. */
type Principal = Person & Pick<MemberEntity, 'status' | 'immunityLevel'>;

// Privileges and immunities per category, from the law-enforcement guidance booklet (DOMAIN.md table).
// consular-service-staff, locally-employed and domestic-worker are not in the booklet's table: VCCR
// Art 43 gives official-acts immunity to consular officers and employees only, and LES and domestic
// workers have none, so their level is `none`.
const BASE_LEVEL: Readonly<Record<PrincipalCategory, ImmunityLevel>> = {
  'diplomatic-agent': 'full',
  'io-diplomatic': 'full',
  'administrative-technical': 'full-criminal',
  'service-staff': 'official-acts',
  'io-support-staff': 'official-acts',
  'io-official': 'official-acts',
  'consular-officer': 'official-acts',
  'consular-employee': 'official-acts',
  'honorary-consular-officer': 'official-acts',
  'consular-service-staff': 'none',
  'locally-employed': 'none',
  'domestic-worker': 'none',
};

// Families share the principal's immunity only in these categories ("same as principal"); every
// other family gets none.
const FAMILY_SHARES_IMMUNITY: readonly MemberCategory[] = [
  'diplomatic-agent',
  'io-diplomatic',
  'administrative-technical',
];

const CONSULAR: readonly MemberCategory[] = ['consular-officer', 'consular-employee'];

// IMMUNITY_LEVEL runs from most to least protected (the proto enum's order): a lower index is more
// protection, so capping keeps whichever of the two comes later.
const atMost = (level: ImmunityLevel, cap: ImmunityLevel): ImmunityLevel =>
  IMMUNITY_LEVEL.indexOf(level) < IMMUNITY_LEVEL.indexOf(cap) ? cap : level;

export interface ImmunityOptions {
  // A bilateral agreement recorded in the sending country's reciprocity profile raises consular
  // officers and employees to `full` (DOMAIN.md; @ofm/reciprocity consularImmunityDecision). Their
  // families stay at `none`: the agreement speaks of consular staff.
  consularFullImmunityByAgreement?: boolean;
}

/** The principal's level as accredited, or as its category would give it when not recorded. */
const principalLevel = (principal: Principal, options: ImmunityOptions): ImmunityLevel =>
  principal.immunityLevel && principal.status === 'accredited'
    ? principal.immunityLevel
    : immunityLevelFor(principal, undefined, options);

export const immunityLevelFor = (
  member: Person,
  principal?: Principal,
  options: ImmunityOptions = {},
): ImmunityLevel => {
  if (member.category === 'dependent') {
    // VCDR Art 37(1): family members who are U.S. nationals get nothing, and so does the family of a
    // U.S. national or permanent resident.
    if (!principal || member.usCitizenOrPermanentResident || principal.usCitizenOrPermanentResident) return 'none';
    if (!FAMILY_SHARES_IMMUNITY.includes(principal.category)) return 'none';
    return principalLevel(principal, options);
  }
  let level = BASE_LEVEL[member.category];
  if (options.consularFullImmunityByAgreement && CONSULAR.includes(member.category)) level = 'full';
  return member.usCitizenOrPermanentResident ? atMost(level, 'official-acts') : level;
};

// Card borders: blue diplomatic, green official (embassy A&T and service staff, UN support staff,
// IO officials), red consular. Dependents carry the colour of their principal's card.
const CARD_COLOR: Readonly<Record<PrincipalCategory, IdCardColor>> = {
  'diplomatic-agent': 'blue',
  'io-diplomatic': 'blue',
  'administrative-technical': 'green',
  'service-staff': 'green',
  'io-support-staff': 'green',
  'io-official': 'green',
  'locally-employed': 'green',
  'domestic-worker': 'green',
  'consular-officer': 'red',
  'consular-employee': 'red',
  'consular-service-staff': 'red',
  'honorary-consular-officer': 'red',
};

// The booklet's red-card variants include "consular family member (no immunity)" (p. 40): the family
// of a career consular officer or employee carries a red card although VCCR gives it no immunity, so
// an officer on the street can tell who they are. A family member who is a U.S. national or
// permanent resident gets no card (cards go to foreign members of the mission's household).
const CONSULAR_FAMILY_CARD: ReadonlySet<MemberCategory> = new Set(['consular-officer', 'consular-employee']);

/**
 * The ID card colour, or undefined: cards go only to persons with some immunity, and to the family
 * of career consular staff (red, marked as carrying no immunity).
 */
export const idCardColorFor = (
  category: MemberCategory,
  level: ImmunityLevel,
  principalCategory?: MemberCategory,
  holder: { usCitizenOrPermanentResident?: boolean } = {},
): IdCardColor | undefined => {
  const own = category === 'dependent' ? principalCategory : category;
  if (!own || own === 'dependent') return undefined;
  if (level !== 'none') return CARD_COLOR[own];
  const consularFamily = category === 'dependent' && CONSULAR_FAMILY_CARD.has(own);
  return consularFamily && !holder.usCitizenOrPermanentResident ? 'red' : undefined;
};

// In the words of "Diplomatic and Consular Immunity: Guidance for Law Enforcement and Judicial
// Authorities" (summary table): what an officer may do on the street.
const MAY_NOT_ARREST = 'May not be arrested or detained';
const MAY_ARREST = 'May be arrested or detained';
const FELONY_ONLY = 'May not be arrested or detained except for a felony, with a warrant';
// The felony-only protection is the personal inviolability of VCCR Art. 41, which Art. 71(1) denies
// to a consular officer who is a U.S. national or permanent resident: only official acts are immune.
const OFFICIAL_ACTS_ONLY =
  'May be arrested or detained: immunity for official acts only, no personal inviolability (VCCR Art. 71(1))';
const INVIOLABLE = 'Residence is inviolable: it may not be entered without consent';
const NOT_INVIOLABLE = 'Residence is not inviolable: it may be entered under ordinary procedures';
const TICKET = 'May be issued a traffic citation';

const PROSECUTION: Readonly<Record<ImmunityLevel, string>> = {
  full: 'May not be prosecuted',
  'full-criminal': 'May not be prosecuted (civil immunity for official acts only)',
  'official-acts': 'May not be prosecuted for official acts; may be prosecuted in all other cases',
  none: 'May be prosecuted: no immunity',
};

export interface GuidanceOptions {
  // A U.S. national or permanent resident (VCCR Art. 71(1), VCDR Art. 38(1)): at most official-acts
  // immunity and no personal inviolability, so even a consular officer may be arrested.
  usCitizenOrPermanentResident?: boolean;
}

export const guidanceFor = (
  category: MemberCategory,
  level: ImmunityLevel,
  options: GuidanceOptions = {},
): verification.Guidance => {
  const protectedPerson = level === 'full' || level === 'full-criminal';
  const arrest = protectedPerson
    ? MAY_NOT_ARREST
    : level === 'official-acts' && category === 'consular-officer'
      ? options.usCitizenOrPermanentResident
        ? OFFICIAL_ACTS_ONLY
        : FELONY_ONLY
      : MAY_ARREST;
  return {
    arrest,
    residenceInviolable: protectedPerson ? INVIOLABLE : NOT_INVIOLABLE,
    prosecution: PROSECUTION[level],
    // Traffic tickets may always be issued, whatever the immunity.
    ticket: TICKET,
  };
};
