import type { TenureLimits } from './tenure/tenure-limits';

// Domain settings DOMAIN.md calls configurable, read from the environment by config.ts.
export const ACCREDITATION_SETTINGS = Symbol('ACCREDITATION_SETTINGS');

export interface AccreditationSettings {
  // Upper bound of an ID card's validity when the expected departure does not end it sooner.
  idCardValidityYears: number;
  // Time in the U.S. allowed per member category (tenure/), and the recertification cycle.
  tenureLimits: TenureLimits;
  recertificationCycleDays: number;
}
