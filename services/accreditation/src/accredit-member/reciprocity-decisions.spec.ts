import { defaultProfile, type ReciprocityProfile } from '@ofm/reciprocity';
import { guidanceFor } from '../member/immunity.rules';
import { dependent, diplomat, principal, TODAY, embassy } from '../member/member.fixtures';
import { evaluateAccreditation } from './accreditation.rules';

// The accreditation decisions that depend on the sending country's reciprocity profile.
const profile = (over: Partial<ReciprocityProfile>): ReciprocityProfile => ({
  ...defaultProfile('FR'),
  version: 7,
  ...over,
});
const consulate = { type: 'consular-post', country: 'FR' } as const;

describe('a same-sex spouse', () => {
  const spouse = dependent({ relationship: 'spouse', sameSexSpouse: true });

  it('is refused where the sending country does not accredit those of U.S. staff, naming the profile version', () => {
    expect(
      evaluateAccreditation(spouse, embassy, principal(), TODAY, profile({ sameSexSpouseAccreditation: 'denied' })),
    ).toEqual({
      accredited: false,
      profileVersion: 7,
      failedCriteria: [
        {
          criterion: 'same-sex-spouse-reciprocity',
          message: 'FR does not accredit the same-sex spouses of U.S. staff (profile FR v7)',
        },
      ],
    });
  });

  it('is accredited where it does, with the principal’s immunity, naming the version', () => {
    expect(
      evaluateAccreditation(spouse, embassy, principal(), TODAY, profile({ sameSexSpouseAccreditation: 'granted' })),
    ).toEqual({ accredited: true, immunityLevel: 'full', idCardColor: 'blue', profileVersion: 7 });
  });

  it('is refused by the default profile (only reciprocity earns it)', () => {
    expect(evaluateAccreditation(spouse, embassy, principal(), TODAY)).toMatchObject({
      accredited: false,
      profileVersion: 1,
      failedCriteria: [{ criterion: 'same-sex-spouse-reciprocity' }],
    });
  });

  it('lists the reciprocity criterion beside the others that fail', () => {
    const d = evaluateAccreditation(spouse, embassy, principal({ status: 'notified' }), TODAY, profile({}));
    expect(d.accredited === false && d.failedCriteria.map((f) => f.criterion)).toEqual([
      'principal-accredited',
      'same-sex-spouse-reciprocity',
    ]);
  });

  it('does not concern a spouse of the other sex, nor a child', () => {
    const denied = profile({ sameSexSpouseAccreditation: 'denied' });
    expect(
      evaluateAccreditation(dependent({ sameSexSpouse: false }), embassy, principal(), TODAY, denied).accredited,
    ).toBe(true);
    expect(
      evaluateAccreditation(
        dependent({ relationship: 'child', dateOfBirth: '2015-01-01', sameSexSpouse: true }),
        embassy,
        principal(),
        TODAY,
        denied,
      ).accredited,
    ).toBe(true);
  });
});

describe('consular immunity by bilateral agreement', () => {
  const agreement = profile({ consularBilateralAgreement: true });

  it.each([
    ['consular-officer', 'diplomatic', 'A-1'],
    ['consular-employee', 'official', 'A-2'],
  ] as const)(
    'raises a %s (%s passport, %s) to full where the agreement is recorded',
    (category, passportType, visaClass) => {
      const m = diplomat({ category, title: 'Consul', passportType, visaClass, transferPolicyAttested: true });
      expect(evaluateAccreditation(m, consulate, undefined, TODAY, agreement)).toMatchObject({
        accredited: true,
        immunityLevel: 'full',
        profileVersion: 7,
      });
    },
  );

  it('leaves VCCR immunity without the agreement', () => {
    const m = diplomat({ category: 'consular-officer', title: 'Consul' });
    expect(evaluateAccreditation(m, consulate, undefined, TODAY, profile({}))).toMatchObject({
      immunityLevel: 'official-acts',
    });
  });

  it('does not raise consular service staff or honorary consular officers', () => {
    const staff = diplomat({
      category: 'consular-service-staff',
      title: null,
      passportType: 'official',
      visaClass: 'A-2',
    });
    const d = evaluateAccreditation({ ...staff, transferPolicyAttested: true }, consulate, undefined, TODAY, agreement);
    expect(d.accredited && d.immunityLevel).toBe('none');
  });

  it('caps a U.S.-national consular officer at official acts even under an agreement', () => {
    const m = diplomat({ category: 'consular-officer', title: 'Consul', usCitizenOrPermanentResident: true });
    const d = evaluateAccreditation(m, consulate, undefined, TODAY, agreement);
    expect(d.accredited === false || d.immunityLevel).not.toBe('full');
  });

  it('tells an officer that a consular officer under an agreement may not be arrested', () => {
    expect(guidanceFor('consular-officer', 'full').arrest).toBe(guidanceFor('diplomatic-agent', 'full').arrest);
    expect(guidanceFor('consular-officer', 'full').residenceInviolable).toBe(
      guidanceFor('diplomatic-agent', 'full').residenceInviolable,
    );
  });
});
