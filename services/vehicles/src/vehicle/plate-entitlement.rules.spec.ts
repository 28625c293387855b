import { MEMBER_CATEGORY, MISSION_TYPE, type MemberCategory, type MissionType } from '@ofm/contracts';
import { plateEntitlement, type PlateOwner } from './plate-entitlement.rules';

// The expected letters, written out again by hand so that the rule is checked against the domain
// rather than against itself; `null` = no plates. Typed records: a new word in the vocabulary fails
// to compile here until someone says what it gets.
const MEMBER_LETTER: Record<Exclude<MemberCategory, 'dependent'>, string | null> = {
  'diplomatic-agent': 'D',
  'io-diplomatic': 'D',
  'administrative-technical': 'S',
  'service-staff': 'S',
  'io-support-staff': 'S',
  'io-official': 'S',
  'consular-officer': 'C',
  'consular-employee': 'C',
  'consular-service-staff': 'C',
  'honorary-consular-officer': null,
  'locally-employed': null,
  'domestic-worker': null,
};
const MISSION_LETTER: Record<MissionType, string | null> = {
  embassy: 'D',
  'un-mission': 'D',
  'un-observer-mission': 'D',
  'oas-mission': 'D',
  'consular-post': 'C',
  // Headed by an honorary consular officer, a U.S. citizen or permanent resident: outside the program.
  'honorary-consular-post': null,
  'international-organization': 'S',
  'foreign-government-office': 'S',
  teco: 'S',
};

const categories = MEMBER_CATEGORY.filter((c): c is Exclude<MemberCategory, 'dependent'> => c !== 'dependent');

// Every mission type × every kind of owner: the mission itself, each member category, a dependent
// whose principal is not known here, and a dependent of each principal category.
type Case = [owner: PlateOwner, expected: string | null, rule: string];
const cases: Case[] = MISSION_TYPE.flatMap((missionType): Case[] => [
  [{ kind: 'mission', missionType }, MISSION_LETTER[missionType], 'mission-not-eligible'],
  ...categories.map((category): Case => [
    { kind: 'member', category, missionType },
    MEMBER_LETTER[category],
    'owner-not-eligible',
  ]),
  [{ kind: 'member', category: 'dependent', missionType }, MISSION_LETTER[missionType], 'owner-not-eligible'],
  ...categories.map((principalCategory): Case => [
    { kind: 'member', category: 'dependent', principalCategory, missionType },
    MEMBER_LETTER[principalCategory],
    'owner-not-eligible',
  ]),
]);

describe('plate entitlement', () => {
  it('covers every mission type and owner kind', () => {
    expect(cases).toHaveLength(MISSION_TYPE.length * (1 + categories.length + 1 + categories.length));
  });

  it.each(cases.map(([owner, expected, rule]) => [JSON.stringify(owner), owner, expected, rule] as const))(
    '%s → %s',
    (_name, owner, expected, rule) => {
      const entitlement = plateEntitlement(owner);
      if (expected) expect(entitlement).toEqual({ letter: expected });
      else expect(entitlement.refusal).toEqual({ rule, detail: expect.stringContaining('no OFM plates') });
    },
  );

  it("refuses an honorary consular post's own vehicle in DOMAIN.md's words", () => {
    expect(plateEntitlement({ kind: 'mission', missionType: 'honorary-consular-post' })).toEqual({
      refusal: {
        rule: 'mission-not-eligible',
        detail:
          'an honorary-consular-post is headed by an honorary-consular-officer and gets no OFM plates: honorary ' +
          'consular officers must be U.S. citizens or permanent residents, who are outside the vehicle program',
      },
    });
  });

  it("refuses the dependent of an honorary consular officer rather than giving the post's letter", () => {
    expect(
      plateEntitlement({
        kind: 'member',
        category: 'dependent',
        principalCategory: 'honorary-consular-officer',
        missionType: 'consular-post',
      }).refusal?.detail,
    ).toContain('principal is of category honorary-consular-officer');
  });

  it('has no letter for words this service does not know', () => {
    expect(plateEntitlement({ kind: 'mission', missionType: 'spaceport' }).refusal).toEqual({
      rule: 'mission-not-eligible',
      detail: 'missions of type spaceport get no OFM plates',
    });
    expect(plateEntitlement({ kind: 'mission', missionType: 'toString' }).refusal?.rule).toBe('mission-not-eligible');
    expect(plateEntitlement({ kind: 'member', category: 'constructor' }).refusal?.rule).toBe('owner-not-eligible');
    expect(plateEntitlement({ kind: 'member', category: 'dependent' }).refusal).toEqual({
      rule: 'owner-not-eligible',
      detail: "neither the dependent's principal nor the mission is known",
    });
  });
});
