import type { InsuranceStatus, RegistrationStatus, verification, VerificationStatus } from '@ofm/contracts';

// A law-enforcement plate check (CONTRACT.md "Verification answer"; DOMAIN.md "Vehicles and
// insurance"). A plate tells an officer about the vehicle and its registration, never about the
// driver: privileges and immunities belong to people, so the answer names nobody, no category and no
// immunity level, and sends the officer to the driver's ID card, for a member's vehicle as for a
// mission's.

// The vehicle a plate was issued to: what lets an officer tell whether the plate is on its own car.
export interface PlatedVehicle {
  make: string;
  model: string;
  year: number;
  vin: string;
}

export interface PlateFacts extends PlatedVehicle {
  plate: string;
  registrationStatus: RegistrationStatus;
  // The registration is valid through this day (a year after registration).
  expiresOn: string;
  insuranceStatus: InsuranceStatus;
}

export interface OwningMission {
  name: string;
  // ISO 3166-1 alpha-2.
  country: string;
}

/**
 * The plate's one-word status on `today` (an ISO date):
 * - `disposed` → disposed: the plates were returned; they must not be on the road;
 * - `disposal-due` → terminated: the owner's appointment ended and the vehicle must be sold,
 *   exported or transferred; the plate no longer stands for a serving member or mission;
 * - a registration past its expiry date (the day itself still counts) → expired;
 * - `suspended` (insurance lapsed) or `pending-insurance` (never insured) → suspended: a
 *   registration without valid insurance never verifies as valid (DOMAIN.md);
 * - `active` → valid.
 * Termination and disposal decide before the expiry date; an expired registration says expired
 * whether or not it was also suspended.
 */
export const plateStatus = (
  registration: Pick<PlateFacts, 'registrationStatus' | 'expiresOn'>,
  today: string,
): VerificationStatus => {
  switch (registration.registrationStatus) {
    case 'disposed':
      return 'disposed';
    case 'disposal-due':
      return 'terminated';
    case 'active':
    case 'suspended':
    case 'pending-insurance':
      if (registration.expiresOn < today) return 'expired';
      return registration.registrationStatus === 'active' ? 'valid' : 'suspended';
    default:
      return 'unknown';
  }
};

// What an officer may do at a plate check: it depends on who drives, which only the driver's ID card
// tells (the booklet's words for a person come from accreditation's VerifyIdCard). A traffic
// citation may always be issued, whoever drives.
export const PLATE_GUIDANCE: verification.Guidance = {
  arrest: "Depends on the driver: verify the driver's ID card",
  residenceInviolable: "Depends on the driver: verify the driver's ID card",
  prosecution: "Depends on the driver: verify the driver's ID card",
  ticket: 'May be issued a traffic citation',
};

export const PLATE_NOTE = "Immunity belongs to the driver, not the vehicle: verify the driver's ID card (?idCard=).";

/** The answer for a known plate; the mission is absent while the replica has not heard of it. */
export const plateVerification = (
  vehicle: PlateFacts,
  mission: OwningMission | undefined,
  today: string,
  checkedAt: Date,
): verification.Verification => ({
  status: plateStatus(vehicle, today),
  // Nobody: the owner's immunity is never passed off as the driver's.
  name: undefined,
  category: undefined,
  immunityLevel: undefined,
  immunityEndsOn: undefined,
  mission: mission?.name,
  country: mission?.country,
  guidance: PLATE_GUIDANCE,
  plate: vehicle.plate,
  registration: { status: vehicle.registrationStatus, expiresOn: vehicle.expiresOn },
  insuranceStatus: vehicle.insuranceStatus,
  note: PLATE_NOTE,
  vehicle: platedVehicle(vehicle),
  checkedAt: checkedAt.toISOString(),
});

const platedVehicle = (v: PlatedVehicle): verification.VerifiedVehicle => ({
  make: v.make,
  model: v.model,
  year: v.year,
  vin: v.vin,
});

export const REPLACED_PLATE_NOTE =
  'This plate was reported lost or stolen and has been replaced: it is not valid on any vehicle. ' +
  "Verify the driver's ID card (?idCard=) for the driver's immunity.";

/**
 * A plate taken off the road after a loss or theft: reported-stolen whatever the vehicle's
 * registration now says (its new plate answers for that), with the vehicle it was issued to.
 */
export const replacedPlateVerification = (
  plate: string,
  vehicle: PlatedVehicle,
  mission: OwningMission | undefined,
  checkedAt: Date,
): verification.Verification => ({
  status: 'reported-stolen',
  mission: mission?.name,
  country: mission?.country,
  guidance: PLATE_GUIDANCE,
  plate,
  note: REPLACED_PLATE_NOTE,
  vehicle: platedVehicle(vehicle),
  checkedAt: checkedAt.toISOString(),
});

/** A plate OFM never issued: unknown, the plate as read, and nothing else (nothing is known to guide by). */
export const unknownPlateVerification = (plate: string, checkedAt: Date): verification.Verification => ({
  status: 'unknown',
  plate,
  checkedAt: checkedAt.toISOString(),
});
