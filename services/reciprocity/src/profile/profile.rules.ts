import type { reciprocity } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';

type Profile = reciprocity.ReciprocityProfile;

// What a profile says, as opposed to what the service adds to it (version, agreement, who and when):
// a PUT that changes none of these records nothing.
export const PROFILE_CONTENT_FIELDS = [
  'effectiveFrom',
  'source',
  'propertyPurchase',
  'taxRelief',
  'dutyFreeEntry',
  'taxFreeVehiclesPerMember',
  'vehicleDispositionSurcharge',
  'sameSexSpouseAccreditation',
  'fuelAndUtilityExemption',
  'consularBilateralAgreement',
  'travelControls',
  'travelRadiusMiles',
  'travelLeadTimeHours',
  'travelCategories',
  'engagementNotices',
] as const satisfies readonly (keyof Profile)[];

export type ProfileContent = Pick<Profile, (typeof PROFILE_CONTENT_FIELDS)[number]>;

// The rule a body breaks when it names another country than its path (422: the schema cannot say
// that two fields must agree).
export const PROFILE_COUNTRY_RULE = 'profile-country';

/**
 * The rule of a profile body the proto cannot declare: the country of the body is the country of
 * the path (a profile sent to the wrong country is refused, not moved). Field names are the REST
 * ones (`profile.` prefix as the body nests it). Travel categories are MemberCategory words, which
 * the proto declares and every input check enforces.
 */
export const profileBodyErrors = (country: string, profile: Profile, prefix = 'profile.'): FieldError[] =>
  profile.country === country
    ? []
    : [
        {
          field: `${prefix}country`,
          message: `country must be the country of the path (${country}), not ${profile.country || 'empty'}`,
        },
      ];

/** The content of a profile, categories in a stable order (their order says nothing). */
export const contentOf = (profile: Profile): ProfileContent => {
  const content = Object.fromEntries(PROFILE_CONTENT_FIELDS.map((f) => [f, profile[f]])) as ProfileContent;
  return { ...content, travelCategories: [...profile.travelCategories].sort() };
};

/** Whether a body says what the current version says already (then nothing is recorded). */
export const sameContent = (current: Profile, body: Profile): boolean =>
  JSON.stringify(contentOf(current)) === JSON.stringify(contentOf(body));
