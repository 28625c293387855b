// The words of DOMAIN.md for missions; the proto carries them as strings.

export const MISSION_TYPES = [
  'embassy',
  'consular-post',
  'honorary-consular-post',
  'un-mission',
  'un-observer-mission',
  'oas-mission',
  'international-organization',
  'foreign-government-office',
  'teco',
] as const;
export type MissionType = (typeof MISSION_TYPES)[number];

export const CONSULAR_CLASSES = ['consulate-general', 'consulate', 'vice-consulate', 'consular-agency'] as const;
export type ConsularClass = (typeof CONSULAR_CLASSES)[number];

export const MISSION_STATUSES = ['active', 'suspended', 'closed'] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

export const REGIONAL_OFFICES = [
  'Washington',
  'New York',
  'Chicago',
  'Houston',
  'Los Angeles',
  'Miami',
  'San Francisco',
] as const;
export type RegionalOffice = (typeof REGIONAL_OFFICES)[number];

export interface MissionAddress {
  line1: string;
  city: string;
  state: string;
  postalCode: string;
}
