// Vehicle kinds and registration statuses, in the words of DOMAIN.md / CONTRACT.md.
export const VEHICLE_KINDS = ['car', 'motorcycle', 'trailer'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];

export const REGISTRATION_STATUSES = ['pending-insurance', 'active', 'suspended', 'disposal-due', 'disposed'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const INSURANCE_STATUSES = ['insured', 'uninsured', 'lapsed'] as const;
export type InsuranceStatus = (typeof INSURANCE_STATUSES)[number];

export const isVehicleKind = (v: string): v is VehicleKind => (VEHICLE_KINDS as readonly string[]).includes(v);
export const isRegistrationStatus = (v: string): v is RegistrationStatus =>
  (REGISTRATION_STATUSES as readonly string[]).includes(v);
