// The words of DOMAIN.md for members; the proto carries them as strings.

export const MEMBER_CATEGORIES = [
  'diplomatic-agent',
  'administrative-technical',
  'service-staff',
  'consular-officer',
  'consular-employee',
  'consular-service-staff',
  'honorary-consular-officer',
  'io-diplomatic',
  'io-support-staff',
  'io-official',
  'locally-employed',
  'domestic-worker',
  'dependent',
] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export type PrincipalCategory = Exclude<MemberCategory, 'dependent'>;

export const MEMBER_STATUSES = ['notified', 'accredited', 'refused', 'terminated'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

// Ordered from least to most protection: capping uses this order.
export const IMMUNITY_LEVELS = ['none', 'official-acts', 'full-criminal', 'full'] as const;
export type ImmunityLevel = (typeof IMMUNITY_LEVELS)[number];

export const ID_CARD_COLORS = ['blue', 'green', 'red'] as const;
export type IdCardColor = (typeof ID_CARD_COLORS)[number];

// prettier-ignore
export const VISA_CLASSES = [
  'A-1', 'A-2', 'A-3',
  'G-1', 'G-2', 'G-3', 'G-4', 'G-5',
  'NATO-1', 'NATO-2', 'NATO-3', 'NATO-4', 'NATO-5', 'NATO-6', 'NATO-7',
] as const;
export type VisaClass = (typeof VISA_CLASSES)[number];

// The passport types of the notification form (DS-2003).
export const PASSPORT_TYPES = ['diplomatic', 'official', 'regular'] as const;
export type PassportType = (typeof PASSPORT_TYPES)[number];

export const RELATIONSHIPS = ['spouse', 'child'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** What the accreditation rules read about a person (principal or dependent). */
export interface MemberFacts {
  category: MemberCategory;
  nationality: string;
  usCitizenOrPermanentResident: boolean;
  passportType: string;
  title: string;
  visaClass: string;
  dateOfBirth: string;
  residesInWashingtonMetro: boolean;
  weeklyHours: number;
  commercialActivity: boolean;
  pendingSeriousCharge: boolean;
  transferPolicyAttested: boolean;
  relationship: string;
  fullTimeStudent: boolean;
  disabled: boolean;
}

/** A dependent's principal as the rules see it: its facts plus where its accreditation stands. */
export interface PrincipalFacts extends MemberFacts {
  status: MemberStatus;
  immunityLevel: string;
}

export interface MissionFacts {
  type: string;
  country: string;
}
