import { addYears } from '../shared/calendar';
import type { FieldError } from '../shared/field-error';
import { isVehicleKind, type RegistrationStatus, type VehicleKind, VEHICLE_KINDS } from './vehicle-kind';

// Registration of a diplomatic vehicle with OFM (DOMAIN.md "Vehicles and insurance").

export interface VehicleDescription {
  vin: string;
  make: string;
  model: string;
  year: number;
  kind: string;
}

export interface RuleViolation {
  rule: string;
  detail: string;
}

// What the replica of accreditation knows about an owner.
export interface OwnerMember {
  id: string;
  status: string;
  category: string;
}

export interface OwnerMission {
  id: string;
  status: string;
}

// VINs (ISO 3779) never use I, O or Q, which read as 1 and 0. The check digit (position 9) is a
// North American requirement only, so imported vehicles of foreign make are not checked against it.
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

export const normalizeVin = (vin: string): string => vin.trim().toUpperCase();
export const isValidVin = (vin: string): boolean => VIN.test(normalizeVin(vin));

// Model years run one ahead of the calendar; 1886 is the first motor car.
const FIRST_MODEL_YEAR = 1886;

export const validateVehicleDescription = (v: VehicleDescription, currentYear: number): FieldError[] => {
  const errors: FieldError[] = [];
  if (!isValidVin(v.vin ?? '')) {
    errors.push({ field: 'vin', message: 'must be 17 letters and digits, without I, O or Q' });
  }
  if (!v.make?.trim()) errors.push({ field: 'make', message: 'required' });
  if (!v.model?.trim()) errors.push({ field: 'model', message: 'required' });
  if (!Number.isInteger(v.year) || v.year < FIRST_MODEL_YEAR || v.year > currentYear + 1) {
    errors.push({ field: 'year', message: `must be a model year from ${FIRST_MODEL_YEAR} to ${currentYear + 1}` });
  }
  if (!isVehicleKind(v.kind ?? ''))
    errors.push({ field: 'kind', message: `must be one of ${VEHICLE_KINDS.join(', ')}` });
  return errors;
};

/** A vehicle belongs to exactly one owner: a member (or dependent) or the mission itself. */
export const validateOwnerReference = (ownerMemberId: string, ownerMissionId: string): FieldError[] => {
  if (ownerMemberId && ownerMissionId) {
    return [{ field: 'ownerMemberId', message: 'give either ownerMemberId or ownerMissionId, not both' }];
  }
  if (!ownerMemberId && !ownerMissionId) {
    return [{ field: 'ownerMemberId', message: 'required unless ownerMissionId is given' }];
  }
  return [];
};

// Locally employed staff are outside OFM's motor-vehicle program (research §2.1); domestic workers
// (A-3/G-5) are not eligible for OFM licences either, so they get no OFM plates.
export const INELIGIBLE_CATEGORIES: readonly string[] = ['locally-employed', 'domestic-worker'];

/** Rule check for a member-owned vehicle; undefined when the member may register it. */
export const checkMemberOwner = (member: OwnerMember, mission: OwnerMission | undefined): RuleViolation | undefined => {
  if (member.status !== 'accredited') {
    return {
      rule: 'owner-not-accredited',
      detail: `member ${member.id} is ${member.status || 'unknown'}, not accredited`,
    };
  }
  if (INELIGIBLE_CATEGORIES.includes(member.category)) {
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

// A trailer needs no insurance of its own, so nothing stands between its registration and activity.
export const initialRegistrationStatus = (kind: VehicleKind): RegistrationStatus =>
  kind === 'trailer' ? 'active' : 'pending-insurance';

export type RegistrationEvent = 'insurance-recorded' | 'insurance-lapsed' | 'owner-terminated' | 'disposal-recorded';

// pending-insurance → active → suspended (lapse) → active again (new policy); any registration not
// yet disposed becomes disposal-due when the owner's appointment ends; disposal-due → disposed.
const TRANSITIONS: Record<RegistrationStatus, Partial<Record<RegistrationEvent, RegistrationStatus>>> = {
  'pending-insurance': { 'insurance-recorded': 'active', 'owner-terminated': 'disposal-due' },
  active: { 'insurance-recorded': 'active', 'insurance-lapsed': 'suspended', 'owner-terminated': 'disposal-due' },
  suspended: { 'insurance-recorded': 'active', 'owner-terminated': 'disposal-due' },
  'disposal-due': { 'disposal-recorded': 'disposed' },
  disposed: {},
};

/** The status after `event`, or undefined when the event does not apply to a registration in `current`. */
export const nextRegistrationStatus = (
  current: RegistrationStatus,
  event: RegistrationEvent,
): RegistrationStatus | undefined => TRANSITIONS[current][event];
