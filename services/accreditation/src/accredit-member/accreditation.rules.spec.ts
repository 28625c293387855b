import { defaultProfile } from '@ofm/reciprocity';
import { evaluateAccreditation, type CriterionCode, type MemberFacts, type MissionFacts } from './accreditation.rules';
import { dependent, diplomat, embassy, principal, TODAY } from '../member/member.fixtures';

const failedCodes = (m: MemberFacts, mission: MissionFacts = embassy, p = principal()): CriterionCode[] => {
  const d = evaluateAccreditation(m, mission, m.category === 'dependent' ? p : undefined, TODAY);
  return d.accredited ? [] : d.failedCriteria.map((f) => f.criterion);
};

describe('evaluateAccreditation — diplomatic agent', () => {
  it('accredits a person meeting all criteria with full immunity and a blue card', () => {
    expect(evaluateAccreditation(diplomat(), embassy, undefined, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'full',
      idCardColor: 'blue',
    });
  });

  const cases: [string, Partial<MemberFacts>, MissionFacts | undefined, CriterionCode][] = [
    ['works at a consular post', {}, { type: 'consular-post', country: 'FR' }, 'mission-type'],
    ['is not a national of the sending state', { nationality: 'DE' }, undefined, 'sending-state-national'],
    [
      'is a U.S. citizen or permanent resident',
      { usCitizenOrPermanentResident: true },
      undefined,
      'not-us-citizen-or-permanent-resident',
    ],
    ['holds an official passport', { passportType: 'official' }, undefined, 'diplomatic-passport'],
    ['holds no passport type', { passportType: null }, undefined, 'diplomatic-passport'],
    ['has an unrecognized title', { title: 'Driver' }, undefined, 'recognized-title'],
    ['has no title', { title: null }, undefined, 'recognized-title'],
    ['holds an A-2 visa', { visaClass: 'A-2' }, undefined, 'visa-class'],
    ['holds no visa', { visaClass: null }, undefined, 'visa-class'],
    ['is 20', { dateOfBirth: '2005-06-16' }, undefined, 'minimum-age'],
    [
      'lives outside the Washington metro area',
      { residesInWashingtonMetro: false },
      undefined,
      'washington-metro-residence',
    ],
    ['works 34.5 hours a week', { weeklyHours: 34.5 }, undefined, 'full-time-duties'],
    ['gives no weekly hours', { weeklyHours: null }, undefined, 'full-time-duties'],
    ['has a commercial activity', { commercialActivity: true }, undefined, 'no-commercial-activity'],
    ['has a pending serious charge', { pendingSeriousCharge: true }, undefined, 'no-pending-serious-charge'],
  ];
  it.each(cases)('refuses one who %s, naming only that criterion', (_what, over, mission, code) => {
    expect(failedCodes(diplomat(over), mission ?? embassy)).toEqual([code]);
  });

  it('names every failed criterion at once, each with a message', () => {
    const d = evaluateAccreditation(
      diplomat({
        nationality: 'US',
        usCitizenOrPermanentResident: true,
        passportType: 'regular',
        title: 'Chauffeur',
        visaClass: 'B-2',
        dateOfBirth: '2010-01-01',
        residesInWashingtonMetro: false,
        weeklyHours: 10,
        commercialActivity: true,
        pendingSeriousCharge: true,
      }),
      { type: 'consular-post', country: 'FR' },
      undefined,
      TODAY,
    );
    expect(d.accredited).toBe(false);
    if (d.accredited) return;
    expect(d.failedCriteria.map((f) => f.criterion)).toEqual([
      'mission-type',
      'visa-class',
      'sending-state-national',
      'not-us-citizen-or-permanent-resident',
      'diplomatic-passport',
      'recognized-title',
      'minimum-age',
      'washington-metro-residence',
      'full-time-duties',
      'no-commercial-activity',
      'no-pending-serious-charge',
    ]);
    for (const f of d.failedCriteria) expect(f.message.length).toBeGreaterThan(10);
    expect(d.failedCriteria.find((f) => f.criterion === 'minimum-age')?.message).toContain('is 16');
  });

  it('counts age on the decision date: 21 on the birthday itself', () => {
    expect(failedCodes(diplomat({ dateOfBirth: '2005-06-15' }))).toEqual([]);
  });

  it('accepts exactly 35 hours a week', () => {
    expect(failedCodes(diplomat({ weeklyHours: 35 }))).toEqual([]);
  });
});

describe('evaluateAccreditation — the title', () => {
  // Each of these was refused when titles were matched against eight words (issue 8).
  it.each(['Ambassador', 'Defense Attaché', "Chargé d'Affaires a.i.", 'Counsellor for Political Affairs'])(
    'accredits a %s',
    (title) => expect(failedCodes(diplomat({ title }))).toEqual([]),
  );

  it('names the title it did not recognise', () => {
    const d = evaluateAccreditation(diplomat({ title: 'Chief Cook' }), embassy, undefined, TODAY);
    expect(d).toEqual({
      accredited: false,
      profileVersion: 1,
      failedCriteria: [
        { criterion: 'recognized-title', message: expect.stringMatching(/^«Chief Cook» is not a diplomatic title: /) },
      ],
    });
  });

  it('says that no title was given', () => {
    const d = evaluateAccreditation(diplomat({ title: null }), embassy, undefined, TODAY);
    expect(d.accredited ? [] : d.failedCriteria.map((f) => f.message)).toEqual([
      expect.stringMatching(/^No title given: a diplomatic agent holds a diplomatic rank \(Ambassador, /),
    ]);
  });
});

describe('evaluateAccreditation — staff needing the transfer-policy attestation', () => {
  const staff = (category: MemberFacts['category'], visaClass: string, attested: boolean) =>
    diplomat({ category, visaClass, transferPolicyAttested: attested, title: 'Clerk', passportType: 'official' });

  it.each([
    ['administrative-technical', 'embassy', 'A-2', 'full-criminal', 'green'],
    ['service-staff', 'embassy', 'A-2', 'official-acts', 'green'],
    ['consular-employee', 'consular-post', 'A-2', 'official-acts', 'red'],
  ] as const)('accredits an attested %s', (category, type, visa, level, color) => {
    expect(evaluateAccreditation(staff(category, visa, true), { type, country: 'FR' }, undefined, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: level,
      idCardColor: color,
    });
  });

  it('accredits attested consular service staff without immunity, hence without a card', () => {
    expect(
      evaluateAccreditation(
        staff('consular-service-staff', 'A-2', true),
        { type: 'consular-post', country: 'FR' },
        undefined,
        TODAY,
      ),
    ).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'none',
      idCardColor: undefined,
    });
  });

  it.each(['administrative-technical', 'service-staff'] as const)('refuses an unattested %s', (category) => {
    expect(failedCodes(staff(category, 'A-2', false))).toEqual(['transfer-policy-attested']);
  });

  it.each(['consular-employee', 'consular-service-staff'] as const)('refuses an unattested %s', (category) => {
    expect(failedCodes(staff(category, 'A-2', false), { type: 'consular-post', country: 'FR' })).toEqual([
      'transfer-policy-attested',
    ]);
  });

  it('does not apply the diplomatic-agent criteria to A&T staff', () => {
    expect(failedCodes(staff('administrative-technical', 'A-2', true))).toEqual([]);
  });

  it('caps a U.S. permanent resident on the A&T staff at official-acts', () => {
    const d = evaluateAccreditation(
      { ...staff('administrative-technical', 'A-2', true), usCitizenOrPermanentResident: true },
      embassy,
      undefined,
      TODAY,
    );
    expect(d).toEqual({ accredited: true, profileVersion: 1, immunityLevel: 'official-acts', idCardColor: 'green' });
  });
});

describe('evaluateAccreditation — other categories', () => {
  const honorary: MissionFacts = { type: 'honorary-consular-post', country: 'FR' };

  it('accredits a U.S.-citizen honorary consular officer with official-acts immunity and a red card', () => {
    const m = diplomat({ category: 'honorary-consular-officer', usCitizenOrPermanentResident: true, visaClass: null });
    expect(evaluateAccreditation(m, honorary, undefined, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'official-acts',
      idCardColor: 'red',
    });
  });

  it('refuses an honorary consular officer who is not a U.S. citizen or permanent resident', () => {
    const m = diplomat({ category: 'honorary-consular-officer', visaClass: null });
    expect(failedCodes(m, honorary)).toEqual(['us-citizen-or-permanent-resident']);
  });

  it('refuses an honorary consular officer at a career consular post', () => {
    const m = diplomat({ category: 'honorary-consular-officer', usCitizenOrPermanentResident: true });
    expect(failedCodes(m, { type: 'consular-post', country: 'FR' })).toEqual(['mission-type']);
  });

  it('accredits a career consular officer (A-1) with official-acts immunity and a red card', () => {
    const m = diplomat({ category: 'consular-officer', title: 'Consul' });
    expect(evaluateAccreditation(m, { type: 'consular-post', country: 'FR' }, undefined, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'official-acts',
      idCardColor: 'red',
    });
  });

  it('raises consular officers to full immunity when a bilateral agreement says so', () => {
    const m = diplomat({ category: 'consular-officer', title: 'Consul' });
    const agreement = { ...defaultProfile('FR'), version: 4, consularBilateralAgreement: true };
    const d = evaluateAccreditation(m, { type: 'consular-post', country: 'FR' }, undefined, TODAY, agreement);
    expect(d).toEqual({
      accredited: true,
      immunityLevel: 'full',
      idCardColor: 'red',
      profileVersion: 4,
    });
  });

  it.each([
    ['io-diplomatic', 'un-mission', 'G-1', 'full', 'blue'],
    ['io-diplomatic', 'oas-mission', 'G-3', 'full', 'blue'],
    ['io-support-staff', 'un-observer-mission', 'G-2', 'official-acts', 'green'],
    ['io-official', 'international-organization', 'G-4', 'official-acts', 'green'],
    ['io-official', 'international-organization', 'NATO-5', 'official-acts', 'green'],
  ] as const)('accredits %s at a %s on %s with %s immunity', (category, type, visaClass, level, color) => {
    expect(evaluateAccreditation(diplomat({ category, visaClass }), { type, country: 'FR' }, undefined, TODAY)).toEqual(
      {
        accredited: true,
        immunityLevel: level,
        idCardColor: color,
        profileVersion: 1,
      },
    );
  });

  it('refuses IO staff on an A visa and at an embassy', () => {
    expect(failedCodes(diplomat({ category: 'io-diplomatic', visaClass: 'A-1' }))).toEqual([
      'mission-type',
      'visa-class',
    ]);
  });

  it.each(['A-3', 'G-5', 'NATO-7'])('accredits a domestic worker on %s anywhere, without immunity', (visaClass) => {
    const d = evaluateAccreditation(
      diplomat({ category: 'domestic-worker', visaClass }),
      { type: 'un-mission', country: 'FR' },
      undefined,
      TODAY,
    );
    expect(d).toEqual({ accredited: true, profileVersion: 1, immunityLevel: 'none', idCardColor: undefined });
  });

  it('refuses a domestic worker on an A-1 visa', () => {
    expect(failedCodes(diplomat({ category: 'domestic-worker', visaClass: 'A-1' }))).toEqual(['visa-class']);
  });

  it('accredits locally employed staff at any mission, whatever visa, without immunity', () => {
    const m = diplomat({ category: 'locally-employed', visaClass: null, usCitizenOrPermanentResident: true });
    expect(evaluateAccreditation(m, { type: 'foreign-government-office', country: 'FR' }, undefined, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'none',
      idCardColor: undefined,
    });
  });

  it('refuses embassy staff at a foreign government office', () => {
    const m = diplomat({ category: 'administrative-technical', visaClass: 'A-2', transferPolicyAttested: true });
    expect(failedCodes(m, { type: 'foreign-government-office', country: 'FR' })).toEqual(['mission-type']);
  });
});

describe('evaluateAccreditation — dependents', () => {
  it('accredits the spouse of an accredited diplomat with full immunity and a blue card', () => {
    expect(evaluateAccreditation(dependent(), embassy, principal(), TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'full',
      idCardColor: 'blue',
    });
  });

  it('gives the family of A&T staff the principal’s level', () => {
    const p = principal({ category: 'administrative-technical', visaClass: 'A-2', immunityLevel: 'full-criminal' });
    expect(evaluateAccreditation(dependent({ visaClass: 'A-2' }), embassy, p, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'full-criminal',
      idCardColor: 'green',
    });
  });

  it('accredits the family of service staff without immunity, hence without card', () => {
    const p = principal({ category: 'service-staff', visaClass: 'A-2', immunityLevel: 'official-acts' });
    expect(evaluateAccreditation(dependent({ visaClass: 'A-2' }), embassy, p, TODAY)).toEqual({
      accredited: true,
      profileVersion: 1,
      immunityLevel: 'none',
      idCardColor: undefined,
    });
  });

  it('gives nothing to a dependent who is a U.S. citizen', () => {
    const d = evaluateAccreditation(dependent({ usCitizenOrPermanentResident: true }), embassy, principal(), TODAY);
    expect(d).toEqual({ accredited: true, profileVersion: 1, immunityLevel: 'none', idCardColor: undefined });
  });

  it.each([
    ['notified', 'must be accredited first'],
    ['refused', 'must be accredited first'],
    ['terminated', 'terminated'],
  ] as const)('refuses when the principal is %s', (status, message) => {
    const d = evaluateAccreditation(dependent(), embassy, principal({ status }), TODAY);
    expect(d.accredited).toBe(false);
    if (!d.accredited) {
      expect(d.failedCriteria.map((f) => f.criterion)).toEqual(['principal-accredited']);
      expect(d.failedCriteria[0].message).toContain(message);
    }
  });

  it('refuses when the principal is unknown', () => {
    const d = evaluateAccreditation(dependent(), embassy, undefined, TODAY);
    expect(d.accredited ? [] : d.failedCriteria.map((f) => f.criterion)).toEqual(['principal-accredited']);
  });

  it.each([
    ['a child of 20', { dateOfBirth: '2005-06-16' }, true],
    ['a child on the day of turning 21', { dateOfBirth: '2005-06-15' }, false],
    ['a student of 22', { dateOfBirth: '2003-06-16', fullTimeStudent: true }, true],
    ['a student of 23', { dateOfBirth: '2003-06-15', fullTimeStudent: true }, false],
    ['a disabled child of 30', { dateOfBirth: '1996-01-01', disabled: true }, true],
    ['a non-student child of 22', { dateOfBirth: '2003-06-16' }, false],
  ] as const)('decides %s', (_what, over, ok) => {
    expect(failedCodes(dependent({ relationship: 'child', ...over }))).toEqual(ok ? [] : ['child-eligibility']);
  });

  it('refuses a dependent who is neither spouse nor child', () => {
    expect(failedCodes(dependent({ relationship: null }))).toEqual(['relationship']);
  });

  it('refuses a dependent on another visa class than the principal’s', () => {
    expect(failedCodes(dependent({ visaClass: 'A-2' }))).toEqual(['visa-class']);
  });

  it('does not check the visa of the family of locally employed staff', () => {
    const p = principal({ category: 'locally-employed', visaClass: null, immunityLevel: 'none' });
    expect(failedCodes(dependent({ visaClass: null }), embassy, p)).toEqual([]);
  });

  it('applies the pending-charge criterion to the household of a diplomatic agent only', () => {
    expect(failedCodes(dependent({ pendingSeriousCharge: true }))).toEqual(['no-pending-serious-charge']);
    const p = principal({ category: 'service-staff', visaClass: 'A-2', immunityLevel: 'official-acts' });
    expect(failedCodes(dependent({ pendingSeriousCharge: true, visaClass: 'A-2' }), embassy, p)).toEqual([]);
  });

  it('names principal, child and visa failures together', () => {
    expect(
      failedCodes(
        dependent({ relationship: 'child', dateOfBirth: '1990-01-01', visaClass: 'G-1' }),
        embassy,
        principal({ status: 'notified' }),
      ),
    ).toEqual(['visa-class', 'principal-accredited', 'child-eligibility']);
  });
});
