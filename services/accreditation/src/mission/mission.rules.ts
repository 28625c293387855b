import type { FieldError } from '@ofm/platform';
import { FieldErrors } from '../shared/validation.util';
import {
  CONSULAR_CLASSES,
  MISSION_TYPES,
  type ConsularClass,
  type MissionAddress,
  type MissionType,
  type RegionalOffice,
} from './mission.model';
import { KNOWN_STATES, regionalOfficeFor } from './regional-office.rules';

export interface MissionRegistration {
  name: string;
  country: string;
  type: string;
  consularClass?: string;
  address?: Partial<MissionAddress> | null;
  location?: { lat: number; lon: number } | null;
  consularDistrict?: string;
}

export interface ValidMissionRegistration {
  name: string;
  country: string;
  type: MissionType;
  consularClass: ConsularClass | '';
  address: MissionAddress;
  location: { lat: number; lon: number };
  consularDistrict: string;
  regionalOffice: RegionalOffice;
}

const US_ZIP = /^\d{5}(-\d{4})?$/;

// Countries are compared and stored upper-case ("fr" is accepted as "FR"); everything else is
// taken as given apart from surrounding blanks.
const normalize = (r: MissionRegistration): MissionRegistration => ({
  ...r,
  name: r.name?.trim() ?? '',
  country: r.country?.trim().toUpperCase() ?? '',
  type: r.type?.trim() ?? '',
  consularClass: r.consularClass?.trim() ?? '',
  consularDistrict: r.consularDistrict?.trim() ?? '',
  address: r.address
    ? {
        line1: r.address.line1?.trim() ?? '',
        city: r.address.city?.trim() ?? '',
        state: r.address.state?.trim().toUpperCase() ?? '',
        postalCode: r.address.postalCode?.trim() ?? '',
      }
    : r.address,
});

/** Checks a registration and derives its regional office; lists every bad field. */
export const validateMissionRegistration = (
  input: MissionRegistration,
): { ok: true; value: ValidMissionRegistration } | { ok: false; errors: FieldError[] } => {
  const r = normalize(input);
  const e = new FieldErrors().text('name', r.name).country('country', r.country).oneOf('type', r.type, MISSION_TYPES);

  // Only consular posts have a class (VCCR Art 9); a class elsewhere means a wrong type.
  if (r.type === 'consular-post') e.oneOf('consularClass', r.consularClass, CONSULAR_CLASSES);
  else if (r.consularClass) e.add('consularClass', 'applies only to a mission of type consular-post');
  e.text('consularDistrict', r.consularDistrict, { required: false, max: 500 });

  const a = r.address;
  if (!a) e.add('address', 'is required');
  else {
    e.text('address.line1', a.line1).text('address.city', a.city, { max: 100 });
    if (!a.state) e.add('address.state', 'is required');
    else if (!KNOWN_STATES.includes(a.state))
      e.add('address.state', 'must be a U.S. state, DC or territory code such as "DC"');
    if (!a.postalCode) e.add('address.postalCode', 'is required');
    else if (!US_ZIP.test(a.postalCode)) e.add('address.postalCode', 'must be a ZIP code (12345 or 12345-6789)');
  }

  const loc = r.location;
  if (!loc) e.add('location', 'is required');
  else {
    if (!Number.isFinite(loc.lat) || loc.lat < -90 || loc.lat > 90) e.add('location.lat', 'must be between -90 and 90');
    if (!Number.isFinite(loc.lon) || loc.lon < -180 || loc.lon > 180)
      e.add('location.lon', 'must be between -180 and 180');
  }

  const office = e.ok && a ? regionalOfficeFor(a as MissionAddress) : undefined;
  if (e.ok && !office) e.add('address.postalCode', 'does not fall within any OFM regional office');
  if (!e.ok || !office) return { ok: false, errors: e.errors };

  return {
    ok: true,
    value: {
      name: r.name,
      country: r.country,
      type: r.type as MissionType,
      consularClass: (r.consularClass ?? '') as ConsularClass | '',
      address: a as MissionAddress,
      location: { lat: loc!.lat, lon: loc!.lon },
      consularDistrict: r.consularDistrict ?? '',
      regionalOffice: office,
    },
  };
};
