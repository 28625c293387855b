import type { MemberCategory, MissionType } from '@ofm/contracts';
import type { PlateLetter } from './plate.rules';
import type { RuleViolation } from './registration.rules';

// Which status letter a vehicle's plates carry, or why it gets none (DOMAIN.md "Vehicles and
// insurance"): D = diplomat, S = administrative-technical and other non-diplomatic staff, C = consular.

// Why a category has no letter: it is outside OFM's vehicle program (research §2.1).
const OUTSIDE_PROGRAM: Partial<Record<MemberCategory, string>> = {
  'locally-employed': 'locally employed staff are outside the vehicle program',
  'domestic-worker': 'domestic workers (A-3/G-5) are outside the vehicle program',
  // DOMAIN.md "Accreditation": they must be U.S. citizens or permanent residents, whom the program leaves out.
  'honorary-consular-officer':
    'honorary consular officers must be U.S. citizens or permanent residents, who are outside the vehicle program',
};

const LETTER_BY_CATEGORY: Record<Exclude<MemberCategory, 'dependent'>, PlateLetter | undefined> = {
  'diplomatic-agent': 'D',
  'io-diplomatic': 'D',
  'administrative-technical': 'S',
  'service-staff': 'S',
  'io-support-staff': 'S',
  'io-official': 'S',
  'consular-officer': 'C',
  'consular-employee': 'C',
  'consular-service-staff': 'C',
  'honorary-consular-officer': undefined,
  'locally-employed': undefined,
  'domestic-worker': undefined,
};

// A mission's own vehicles carry the mission's standing: D for embassies and the diplomatic-level
// missions to international organizations, S for offices without diplomatic status. A consular post
// has the standing of the officer who heads it: a career consular officer's post carries C; a post
// headed by an honorary consular officer carries what the officer does, which is nothing.
type MissionStanding = PlateLetter | { headedBy: Exclude<MemberCategory, 'dependent'> };
const STANDING_BY_MISSION_TYPE: Record<MissionType, MissionStanding> = {
  embassy: 'D',
  'un-mission': 'D',
  'un-observer-mission': 'D',
  'oas-mission': 'D',
  'consular-post': { headedBy: 'consular-officer' },
  'honorary-consular-post': { headedBy: 'honorary-consular-officer' },
  'international-organization': 'S',
  'foreign-government-office': 'S',
  teco: 'S',
};

/** Who owns the vehicle, as the plate rules see it. */
export type PlateOwner =
  | { kind: 'mission'; missionType: string }
  | { kind: 'member'; category: string; principalCategory?: string; missionType?: string };

export type PlateEntitlement = { letter: PlateLetter; refusal?: never } | { letter?: never; refusal: RuleViolation };

// The replica keeps accreditation's words as text: a word this service does not know has no entry.
const entryOf = <K extends string, V>(table: Partial<Record<K, V>>, word: string | undefined): V | undefined =>
  word !== undefined && Object.hasOwn(table, word) ? table[word as K] : undefined;

const letterOf = (category: string): PlateLetter | undefined =>
  entryOf<MemberCategory, PlateLetter | undefined>(LETTER_BY_CATEGORY, category);
const whyOutside = (category: string): string =>
  entryOf(OUTSIDE_PROGRAM, category) ?? 'the category is not in the vehicle program';
const refused = (rule: string, detail: string): PlateEntitlement => ({ refusal: { rule, detail } });

const missionEntitlement = (missionType: string, rule: string): PlateEntitlement => {
  const standing = entryOf<MissionType, MissionStanding>(STANDING_BY_MISSION_TYPE, missionType);
  if (standing === undefined) return refused(rule, `missions of type ${missionType} get no OFM plates`);
  if (typeof standing === 'string') return { letter: standing };
  const letter = letterOf(standing.headedBy);
  if (letter) return { letter };
  return refused(
    rule,
    `an ${missionType} is headed by an ${standing.headedBy} and gets no OFM plates: ${whyOutside(standing.headedBy)}`,
  );
};

/**
 * The letter for `owner`'s plates, or the refusal naming its rule. A dependent's vehicle is
 * registered to the principal (research §2.2), so it takes the principal's standing, or the
 * mission's when the principal is not known here.
 */
export const plateEntitlement = (owner: PlateOwner): PlateEntitlement => {
  if (owner.kind === 'mission') return missionEntitlement(owner.missionType, 'mission-not-eligible');
  if (owner.category !== 'dependent') {
    const letter = letterOf(owner.category);
    if (letter) return { letter };
    return refused(
      'owner-not-eligible',
      `members of category ${owner.category} get no OFM plates: ${whyOutside(owner.category)}`,
    );
  }
  if (owner.principalCategory !== undefined) {
    const letter = letterOf(owner.principalCategory);
    if (letter) return { letter };
    return refused(
      'owner-not-eligible',
      `the dependent's principal is of category ${owner.principalCategory}, which gets no OFM plates: ${whyOutside(owner.principalCategory)}`,
    );
  }
  if (owner.missionType === undefined) {
    return refused('owner-not-eligible', "neither the dependent's principal nor the mission is known");
  }
  return missionEntitlement(owner.missionType, 'owner-not-eligible');
};
