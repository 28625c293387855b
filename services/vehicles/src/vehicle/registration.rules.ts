import type { MemberCategory, RegistrationStatus, VehicleKind } from '@ofm/contracts';
import { addDays, addYears, type FieldError } from '@ofm/kernel';

// Registration of a diplomatic vehicle with OFM (DOMAIN.md "Vehicles and insurance"). The form of a
// request (one owner, the VIN alphabet, make, model, year range, kind) is declared in
// proto/ofm/vehicles/v1/vehicle.proto and checked before any handler runs; these are the rules the
// declarations cannot say.

export interface RuleViolation {
  rule: string;
  detail: string;
}

// What the replica of accreditation knows about an owner.
export interface OwnerMember {
  id: string;
  status: string;
  category: string;
  usCitizenOrPermanentResident?: boolean;
}

export interface OwnerMission {
  id: string;
  status: string;
}

/**
 * Model years run at most one ahead of the calendar (a 2027 model is sold in 2026); the declared
 * range (1886, the first motor car, to 2100) cannot say "next year".
 */
export const modelYearErrors = (year: number, currentYear: number): FieldError[] =>
  year > currentYear + 1 ? [{ field: 'year', message: `must be a model year no later than ${currentYear + 1}` }] : [];

// Locally employed staff are outside OFM's motor-vehicle program (research §2.1); domestic workers
// (A-3/G-5) are not eligible for OFM licences either, and honorary consular officers (usually U.S.
// residents in private business) get no diplomatic registration: none of them gets OFM plates.
export const INELIGIBLE_CATEGORIES: readonly MemberCategory[] = [
  'locally-employed',
  'domestic-worker',
  'honorary-consular-officer',
];

/** Rule check for a member-owned vehicle; undefined when the member may register it. */
export const checkMemberOwner = (member: OwnerMember, mission: OwnerMission | undefined): RuleViolation | undefined => {
  if (member.status !== 'accredited') {
    return {
      rule: 'owner-not-accredited',
      detail: `member ${member.id} is ${member.status || 'unknown'}, not accredited`,
    };
  }
  // U.S. citizens and permanent residents are outside the program whatever post they hold (§2.1).
  if (member.usCitizenOrPermanentResident) {
    return {
      rule: 'owner-us-citizen-or-permanent-resident',
      detail: `member ${member.id} is a U.S. citizen or permanent resident: outside OFM's vehicle program`,
    };
  }
  if (INELIGIBLE_CATEGORIES.some((category) => category === member.category)) {
    return {
      rule: 'owner-not-eligible',
      detail: `members of category ${member.category} are not in OFM's vehicle program`,
    };
  }
  return checkMissionOwner(mission);
};

/** The owner's mission (or the owning mission) must be active. */
export const checkMissionOwner = (mission: OwnerMission | undefined): RuleViolation | undefined => {
  if (!mission || mission.status !== 'active') {
    return { rule: 'mission-not-active', detail: `the mission is ${mission?.status || 'unknown'}, not active` };
  }
  return undefined;
};

export const REGISTRATION_VALIDITY_YEARS = 1;

/** Registration card, plates and decal are valid one year from registration. */
export const registrationExpiresOn = (registeredOn: string): string =>
  addYears(registeredOn, REGISTRATION_VALIDITY_YEARS);

// A renewal is accepted from 90 days before the expiry (or any time after it) and runs one year from
// the later of the expiry and today: renewing early never loses days, renewing late never backdates.
export const RENEWAL_WINDOW_DAYS = 90;

/** Why a registration may not be renewed on `today`; undefined when it may. */
export const checkRenewal = (
  registration: { status: RegistrationStatus; expiresOn: string },
  today: string,
): RuleViolation | undefined => {
  if (registration.status === 'disposal-due' || registration.status === 'disposed') {
    return {
      rule: 'registration-not-renewable',
      detail: `a ${registration.status} registration is not renewed: the vehicle leaves the program`,
    };
  }
  const opens = addDays(registration.expiresOn, -RENEWAL_WINDOW_DAYS);
  if (today < opens) {
    return {
      rule: 'registration-renewal-too-early',
      detail: `the registration expires on ${registration.expiresOn}; renewal opens on ${opens}`,
    };
  }
  return undefined;
};

export const renewedExpiresOn = (expiresOn: string, today: string): string =>
  addYears(expiresOn > today ? expiresOn : today, REGISTRATION_VALIDITY_YEARS);

// A trailer needs no insurance of its own, so nothing stands between its registration and activity.
export const initialRegistrationStatus = (kind: VehicleKind): RegistrationStatus =>
  kind === 'trailer' ? 'active' : 'pending-insurance';

export type RegistrationEvent = 'insurance-recorded' | 'insurance-lapsed' | 'owner-terminated' | 'disposal-recorded';

// pending-insurance → active → suspended (lapse) → active again (new policy); any registration not
// yet disposed becomes disposal-due when the owner's appointment ends; a vehicle may be disposed of
// (sold, exported, transferred, junked) at any time before, and must be once disposal-due.
const TRANSITIONS: Record<RegistrationStatus, Partial<Record<RegistrationEvent, RegistrationStatus>>> = {
  'pending-insurance': {
    'insurance-recorded': 'active',
    'owner-terminated': 'disposal-due',
    'disposal-recorded': 'disposed',
  },
  active: {
    'insurance-recorded': 'active',
    'insurance-lapsed': 'suspended',
    'owner-terminated': 'disposal-due',
    'disposal-recorded': 'disposed',
  },
  suspended: { 'insurance-recorded': 'active', 'owner-terminated': 'disposal-due', 'disposal-recorded': 'disposed' },
  'disposal-due': { 'disposal-recorded': 'disposed' },
  disposed: {},
};

/** The status after `event`, or undefined when the event does not apply to a registration in `current`. */
export const nextRegistrationStatus = (
  current: RegistrationStatus,
  event: RegistrationEvent,
): RegistrationStatus | undefined => TRANSITIONS[current][event];
