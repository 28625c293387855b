import { COUNTRY_CODES } from '@ofm/kernel';
import {
  COLUMBUS_CIRCLE,
  consularImmunityDecision,
  defaultProfile,
  dutyFreeDecision,
  inForce,
  measuresAsOf,
  propertyDecision,
  sameSexSpouseDecision,
  taxFreeVehicleDecision,
  taxReliefDecision,
  travelControlsFor,
  WHITE_HOUSE,
  type ReciprocityProfile,
} from './index';

const profile = (over: Partial<ReciprocityProfile> = {}): ReciprocityProfile => ({
  ...defaultProfile('FR'),
  version: 3,
  ...over,
});

describe('the default profile', () => {
  it('exists for every country OFM accepts, as version 1 of that country', () => {
    for (const country of COUNTRY_CODES) {
      expect(defaultProfile(country)).toMatchObject({ country, version: 1, effectiveFrom: '1961-04-18' });
    }
  });

  it('grants what the Vienna Conventions give and nothing that only reciprocity earns', () => {
    expect(defaultProfile('RU')).toMatchObject({
      propertyPurchase: 'allowed',
      taxRelief: 'full',
      dutyFreeEntry: 'full',
      sameSexSpouseAccreditation: 'denied',
      consularBilateralAgreement: false,
      fuelAndUtilityExemption: false,
      travelControls: 'none',
      travelRadiusMiles: 25,
      travelLeadTimeHours: 48,
    });
  });
});

describe('inForce', () => {
  const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });
  const history = [v(1, '1961-04-18'), v(2, '2026-03-01'), v(3, '2027-01-01')];

  it('takes the latest version that started on or before the day', () => {
    expect(inForce(history, '2026-02-28')?.version).toBe(1);
    expect(inForce(history, '2026-03-01')?.version).toBe(2);
    expect(inForce(history, '2026-12-31')?.version).toBe(2);
    expect(inForce(history, '2027-01-01')?.version).toBe(3);
  });

  it('is undefined before the first version, and takes the higher version on the same day', () => {
    expect(inForce(history, '1961-04-17')).toBeUndefined();
    expect(inForce([], '2026-01-01')).toBeUndefined();
    expect(inForce([v(5, '2026-03-01'), v(4, '2026-03-01')], '2026-03-01')?.version).toBe(5);
  });

  it('follows effective dates, not the order of recording (a back-dated correction)', () => {
    expect(inForce([v(2, '2026-06-01'), v(3, '2026-01-01')], '2026-03-01')?.version).toBe(3);
    expect(inForce([v(2, '2026-06-01'), v(3, '2026-01-01')], '2026-07-01')?.version).toBe(2);
  });
});

describe('benefit decisions name the profile version', () => {
  it('accredits a same-sex spouse only where the country grants it', () => {
    expect(sameSexSpouseDecision(profile({ sameSexSpouseAccreditation: 'granted' }))).toEqual({
      outcome: 'accredit',
      country: 'FR',
      profileVersion: 3,
      reason: 'FR accredits the same-sex spouses of U.S. staff (profile FR v3)',
    });
    expect(sameSexSpouseDecision(profile({ sameSexSpouseAccreditation: 'denied' }))).toMatchObject({
      outcome: 'refuse',
      reason: 'FR does not accredit the same-sex spouses of U.S. staff (profile FR v3)',
    });
    expect(sameSexSpouseDecision(profile({ sameSexSpouseAccreditation: '' })).outcome).toBe('refuse');
  });

  it('gives consular staff diplomatic immunity only under a bilateral agreement', () => {
    expect(consularImmunityDecision(profile({ consularBilateralAgreement: true }))).toMatchObject({
      outcome: true,
      profileVersion: 3,
    });
    expect(consularImmunityDecision(profile({ consularBilateralAgreement: false })).outcome).toBe(false);
  });

  it.each([
    ['allowed', 'purchase', 'allowed'],
    ['allowed', 'lease', 'allowed'],
    ['lease-only', 'purchase', 'denied'],
    ['lease-only', 'lease', 'allowed'],
    ['denied', 'purchase', 'denied'],
    ['denied', 'lease', 'denied'],
  ] as const)('property %s, %s → %s', (propertyPurchase, acquisition, outcome) => {
    expect(propertyDecision(profile({ propertyPurchase }), acquisition)).toMatchObject({ outcome, profileVersion: 3 });
  });

  it.each([
    ['full', 'full'],
    ['restricted', 'restricted'],
    ['none', 'none'],
    ['', 'none'],
  ])('tax relief %s → %s', (taxRelief, outcome) => {
    expect(taxReliefDecision(profile({ taxRelief })).outcome).toBe(outcome);
  });

  it.each([
    ['full', false, false, true],
    ['full', true, false, true],
    ['first-installation', false, false, true],
    ['first-installation', true, true, true],
    ['first-installation', true, false, false],
    ['none', false, true, false],
    ['none', true, true, false],
  ])('duty-free entry %s, A&T %s, first installation %s → %s', (dutyFreeEntry, at, first, outcome) => {
    expect(
      dutyFreeDecision(profile({ dutyFreeEntry }), { administrativeTechnical: at, firstInstallation: first }).outcome,
    ).toBe(outcome);
  });

  it('allows tax-free vehicles up to the limit and not one more', () => {
    expect(taxFreeVehicleDecision(profile({ taxFreeVehiclesPerMember: 2 }), 1).outcome).toBe(true);
    expect(taxFreeVehicleDecision(profile({ taxFreeVehiclesPerMember: 2 }), 2).outcome).toBe(false);
    expect(taxFreeVehicleDecision(profile({ taxFreeVehiclesPerMember: 0 }), 0).outcome).toBe(false);
  });
});

describe('travelControlsFor', () => {
  const notify = profile({ travelControls: 'notify', travelRadiusMiles: 25, travelLeadTimeHours: 24 });

  it('measures from the White House, or Columbus Circle for UN missions', () => {
    expect(travelControlsFor(notify, { missionType: 'embassy', category: 'diplomatic-agent' })).toEqual({
      controls: 'notify',
      radiusMiles: 25,
      leadTimeHours: 24,
      centre: WHITE_HOUSE,
      engagementNotices: false,
      country: 'FR',
      profileVersion: 3,
    });
    expect(travelControlsFor(notify, { missionType: 'un-mission', category: 'io-diplomat' }).centre).toBe(
      COLUMBUS_CIRCLE,
    );
    expect(travelControlsFor(notify, { missionType: 'un-observer-mission', category: 'io-diplomat' }).centre).toBe(
      COLUMBUS_CIRCLE,
    );
    expect(travelControlsFor(notify, { missionType: 'consular-post', category: 'consular-officer' }).centre).toBe(
      WHITE_HOUSE,
    );
  });

  it('covers only the listed categories (all when none are listed)', () => {
    const some = profile({
      travelControls: 'approve',
      travelCategories: ['diplomatic-agent'],
      engagementNotices: true,
    });
    expect(travelControlsFor(some, { missionType: 'embassy', category: 'diplomatic-agent' })).toMatchObject({
      controls: 'approve',
      engagementNotices: true,
    });
    expect(travelControlsFor(some, { missionType: 'embassy', category: 'service-staff' })).toMatchObject({
      controls: 'none',
      engagementNotices: false,
    });
  });

  it('has no controls where the country puts none on U.S. staff', () => {
    expect(
      travelControlsFor(defaultProfile('FR'), { missionType: 'embassy', category: 'diplomatic-agent' }).controls,
    ).toBe('none');
  });
});

describe('measuresAsOf', () => {
  it('counts each benefit over the profiles in force', () => {
    const profiles = [
      defaultProfile('FR'),
      profile({ country: 'RU', propertyPurchase: 'lease-only', taxRelief: 'none', taxFreeVehiclesPerMember: 0 }),
      profile({
        country: 'NL',
        sameSexSpouseAccreditation: 'granted',
        consularBilateralAgreement: true,
        dutyFreeEntry: 'none',
        taxRelief: 'restricted',
      }),
    ];
    expect(measuresAsOf(profiles, '2026-12-01')).toEqual({
      asOf: '2026-12-01',
      countries: 3,
      propertyPurchaseAllowed: 2,
      propertyLeaseOnly: 1,
      taxReliefGranted: 2,
      vehiclesAllowed: 2,
      sameSexSpouseAccreditationGranted: 1,
      consularBilateralAgreements: 1,
      dutyFreeEntryGranted: 2,
    });
  });

  it('counts every country with the defaults', () => {
    const all = [...COUNTRY_CODES].map(defaultProfile);
    expect(measuresAsOf(all, '2026-12-01')).toMatchObject({
      countries: COUNTRY_CODES.size,
      propertyPurchaseAllowed: COUNTRY_CODES.size,
      sameSexSpouseAccreditationGranted: 0,
      consularBilateralAgreements: 0,
    });
  });
});
