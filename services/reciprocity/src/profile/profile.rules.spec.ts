import { vocabulary } from '@ofm/contracts';
import { defaultProfile } from '@ofm/reciprocity';
import { contentOf, profileBodyErrors, sameContent } from './profile.rules';

describe('profile rules', () => {
  const fr = () => defaultProfile('FR');

  it('accepts a body of the path’s country with member categories', () => {
    expect(profileBodyErrors('FR', { ...fr(), travelCategories: ['diplomatic-agent', 'service-staff'] })).toEqual([]);
  });

  it('refuses a body of another country, naming country', () => {
    expect(profileBodyErrors('FR', defaultProfile('DE'))).toEqual([
      { field: 'profile.country', message: 'country must be the country of the path (FR), not DE' },
    ]);
    expect(profileBodyErrors('FR', { ...fr(), country: '' }, '')).toEqual([
      { field: 'country', message: 'country must be the country of the path (FR), not empty' },
    ]);
  });

  it('leaves travel categories to the declared vocabulary: the input check refuses other words, naming each', () => {
    const profile = { ...fr(), travelCategories: ['diplomatic-agent', 'spy', 'tourist'] };
    expect(profileBodyErrors('FR', profile)).toEqual([]);
    const refused = vocabulary.requestViolations('ofm.reciprocity.v1.UpdateProfileRequest', {
      country: 'FR',
      profile,
      expectedVersion: 0,
    });
    expect(refused.map((e) => e.field)).toEqual(['profile.travelCategories.1', 'profile.travelCategories.2']);
    expect(refused[0]!.message).toContain('must be one of diplomatic-agent');
  });

  it('sees no change when only read-only fields or the order of categories differ', () => {
    const a = { ...fr(), travelCategories: ['service-staff', 'diplomatic-agent'] };
    const b = { ...a, version: 7, recordedBy: 'someone', recordedAt: '2026-01-01T00:00:00Z', agreementId: 'x' };
    expect(sameContent(a, { ...b, travelCategories: ['diplomatic-agent', 'service-staff'] })).toBe(true);
  });

  it.each([
    ['effectiveFrom', '2026-12-01'],
    ['source', 'cable 26 STATE 1'],
    ['propertyPurchase', 'lease-only'],
    ['taxFreeVehiclesPerMember', 2],
    ['sameSexSpouseAccreditation', 'granted'],
    ['travelCategories', ['dependent']],
    ['engagementNotices', true],
  ])('sees a change of %s', (field, value) => {
    expect(sameContent(fr(), { ...fr(), [field]: value })).toBe(false);
  });

  it('keeps only the content fields', () => {
    expect(Object.keys(contentOf(fr()))).not.toContain('version');
    expect(Object.keys(contentOf(fr()))).not.toContain('country');
  });
});
