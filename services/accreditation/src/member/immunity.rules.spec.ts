import { IMMUNITY_LEVEL, MEMBER_CATEGORY, type MemberCategory } from '@ofm/contracts';
import { guidanceFor, idCardColorFor, immunityLevelFor } from './immunity.rules';
import { principal } from './member.fixtures';

const level = (category: MemberCategory, usCitizenOrPermanentResident = false) =>
  immunityLevelFor({ category, usCitizenOrPermanentResident });

describe('immunityLevelFor — principals (booklet table)', () => {
  it.each([
    ['diplomatic-agent', 'full'],
    ['io-diplomatic', 'full'],
    ['administrative-technical', 'full-criminal'],
    ['service-staff', 'official-acts'],
    ['io-support-staff', 'official-acts'],
    ['io-official', 'official-acts'],
    ['consular-officer', 'official-acts'],
    ['consular-employee', 'official-acts'],
    ['honorary-consular-officer', 'official-acts'],
    ['consular-service-staff', 'none'],
    ['locally-employed', 'none'],
    ['domestic-worker', 'none'],
  ] as const)('%s → %s', (category, expected) => expect(level(category)).toBe(expected));

  it.each([
    ['diplomatic-agent', 'official-acts'],
    ['administrative-technical', 'official-acts'],
    ['service-staff', 'official-acts'],
    ['locally-employed', 'none'],
  ] as const)('caps a U.S. national or permanent resident %s at %s', (category, expected) =>
    expect(level(category, true)).toBe(expected),
  );

  it('gives full immunity to consular officers and employees under a bilateral agreement, never to others', () => {
    const opts = { consularFullImmunityByAgreement: true };
    expect(
      immunityLevelFor({ category: 'consular-officer', usCitizenOrPermanentResident: false }, undefined, opts),
    ).toBe('full');
    expect(
      immunityLevelFor({ category: 'consular-employee', usCitizenOrPermanentResident: false }, undefined, opts),
    ).toBe('full');
    expect(immunityLevelFor({ category: 'service-staff', usCitizenOrPermanentResident: false }, undefined, opts)).toBe(
      'official-acts',
    );
    expect(
      immunityLevelFor({ category: 'consular-officer', usCitizenOrPermanentResident: true }, undefined, opts),
    ).toBe('official-acts');
  });
});

describe('immunityLevelFor — dependents', () => {
  const dep = (usCitizenOrPermanentResident = false) => ({
    category: 'dependent' as const,
    usCitizenOrPermanentResident,
  });

  it.each([
    ['diplomatic-agent', 'full', 'full'],
    ['io-diplomatic', 'full', 'full'],
    ['administrative-technical', 'full-criminal', 'full-criminal'],
    ['service-staff', 'official-acts', 'none'],
    ['consular-officer', 'official-acts', 'none'],
    ['io-support-staff', 'official-acts', 'none'],
    ['honorary-consular-officer', 'official-acts', 'none'],
    ['domestic-worker', 'none', 'none'],
  ] as const)('family of %s (%s) → %s', (category, principalLevel, expected) => {
    expect(immunityLevelFor(dep(), principal({ category, immunityLevel: principalLevel }))).toBe(expected);
  });

  it('follows the principal’s accredited level, not the category default', () => {
    expect(
      immunityLevelFor(dep(), principal({ category: 'administrative-technical', immunityLevel: 'official-acts' })),
    ).toBe('official-acts');
  });

  it('recomputes the principal’s level when the principal is not accredited', () => {
    expect(immunityLevelFor(dep(), principal({ status: 'notified', immunityLevel: null }))).toBe('full');
  });

  it('gives nothing to the family of a U.S. national or to a U.S.-national family member', () => {
    expect(immunityLevelFor(dep(), principal({ usCitizenOrPermanentResident: true }))).toBe('none');
    expect(immunityLevelFor(dep(true), principal())).toBe('none');
  });

  it('gives nothing without a principal', () => {
    expect(immunityLevelFor(dep())).toBe('none');
  });
});

describe('idCardColorFor', () => {
  it.each([
    ['diplomatic-agent', 'full', 'blue'],
    ['io-diplomatic', 'full', 'blue'],
    ['administrative-technical', 'full-criminal', 'green'],
    ['service-staff', 'official-acts', 'green'],
    ['io-support-staff', 'official-acts', 'green'],
    ['io-official', 'official-acts', 'green'],
    ['consular-officer', 'official-acts', 'red'],
    ['consular-employee', 'official-acts', 'red'],
    ['honorary-consular-officer', 'official-acts', 'red'],
    ['consular-officer', 'full', 'red'],
  ] as const)('%s with %s immunity → %s', (category, lvl, color) => expect(idCardColorFor(category, lvl)).toBe(color));

  it.each(MEMBER_CATEGORY)('issues no card to a %s without immunity', (category) =>
    expect(idCardColorFor(category, 'none', 'diplomatic-agent')).toBeUndefined(),
  );

  it.each(['consular-officer', 'consular-employee'] as const)(
    'gives the family of a %s a red card although it has no immunity (booklet p. 40)',
    (principal) => {
      expect(idCardColorFor('dependent', 'none', principal)).toBe('red');
      expect(idCardColorFor('dependent', 'none', principal, { usCitizenOrPermanentResident: false })).toBe('red');
    },
  );

  it('gives no card to a consular family member who is a U.S. national or permanent resident', () => {
    expect(
      idCardColorFor('dependent', 'none', 'consular-officer', { usCitizenOrPermanentResident: true }),
    ).toBeUndefined();
  });

  it.each(MEMBER_CATEGORY.filter((c) => c !== 'consular-officer' && c !== 'consular-employee'))(
    'gives no card to a family member without immunity of a %s',
    (principal) => expect(idCardColorFor('dependent', 'none', principal)).toBeUndefined(),
  );

  it('gives a dependent the colour of the principal', () => {
    expect(idCardColorFor('dependent', 'full', 'diplomatic-agent')).toBe('blue');
    expect(idCardColorFor('dependent', 'full-criminal', 'administrative-technical')).toBe('green');
    expect(idCardColorFor('dependent', 'full')).toBeUndefined();
  });
});

describe('guidanceFor (law-enforcement booklet)', () => {
  it('diplomatic agents: no arrest, inviolable residence, no prosecution, ticket', () => {
    expect(guidanceFor('diplomatic-agent', 'full')).toEqual({
      arrest: 'May not be arrested or detained',
      residenceInviolable: 'Residence is inviolable: it may not be entered without consent',
      prosecution: 'May not be prosecuted',
      ticket: 'May be issued a traffic citation',
    });
  });

  it('A&T staff: criminal immunity, civil for official acts only', () => {
    const g = guidanceFor('administrative-technical', 'full-criminal');
    expect(g.arrest).toBe('May not be arrested or detained');
    expect(g.prosecution).toBe('May not be prosecuted (civil immunity for official acts only)');
    expect(g.residenceInviolable).toMatch(/^Residence is inviolable/);
  });

  it('consular officers: arrest only for a felony with a warrant', () => {
    const g = guidanceFor('consular-officer', 'official-acts');
    expect(g.arrest).toBe('May not be arrested or detained except for a felony, with a warrant');
    expect(g.residenceInviolable).toMatch(/^Residence is not inviolable/);
    expect(g.prosecution).toBe('May not be prosecuted for official acts; may be prosecuted in all other cases');
  });

  // VCCR Art. 71(1): a consular officer who is a U.S. national or permanent resident has immunity for
  // official acts only and no personal inviolability — not even the felony-only protection.
  it('U.S.-national consular officers: may be arrested, official acts only, no personal inviolability', () => {
    const g = guidanceFor('consular-officer', 'official-acts', { usCitizenOrPermanentResident: true });
    expect(g.arrest).toBe(
      'May be arrested or detained: immunity for official acts only, no personal inviolability (VCCR Art. 71(1))',
    );
    expect(g.arrest).not.toContain('felony');
    expect(g.residenceInviolable).toMatch(/^Residence is not inviolable/);
    expect(g.prosecution).toBe('May not be prosecuted for official acts; may be prosecuted in all other cases');
  });

  it('a U.S.-national consular officer of an agreement country is capped: the same official-acts guidance', () => {
    const person = { category: 'consular-officer', usCitizenOrPermanentResident: true } as const;
    const level = immunityLevelFor(person, undefined, { consularFullImmunityByAgreement: true });
    expect(level).toBe('official-acts');
    expect(guidanceFor(person.category, level, person).arrest).toMatch(/^May be arrested or detained: immunity for/);
  });

  it('a foreign consular officer keeps the felony-only protection', () => {
    expect(guidanceFor('consular-officer', 'official-acts', { usCitizenOrPermanentResident: false }).arrest).toBe(
      'May not be arrested or detained except for a felony, with a warrant',
    );
  });

  it.each(['service-staff', 'consular-employee', 'honorary-consular-officer', 'io-official'] as const)(
    '%s: may be arrested, official acts only',
    (category) => {
      const g = guidanceFor(category, 'official-acts');
      expect(g.arrest).toBe('May be arrested or detained');
      expect(g.prosecution).toContain('official acts');
    },
  );

  it('no immunity: may be arrested and prosecuted', () => {
    expect(guidanceFor('dependent', 'none')).toEqual({
      arrest: 'May be arrested or detained',
      residenceInviolable: 'Residence is not inviolable: it may be entered under ordinary procedures',
      prosecution: 'May be prosecuted: no immunity',
      ticket: 'May be issued a traffic citation',
    });
  });

  it.each(IMMUNITY_LEVEL)('always allows a ticket (%s)', (lvl) =>
    expect(guidanceFor('diplomatic-agent', lvl).ticket).toBe('May be issued a traffic citation'),
  );
});
