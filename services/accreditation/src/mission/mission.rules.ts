import type { missions, RegionalOffice } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';
import { KNOWN_STATES, regionalOfficeFor } from './regional-office.rules';

// What the proto cannot say of a registration (it checked each field alone: the words of type and
// consularClass, the shape of country, state and ZIP code, the ranges of the location): only a
// consular post has a class, and it must have one (VCCR Art 9: a class elsewhere means a wrong
// type); the state is one OFM knows; and the address falls within one of OFM's regional offices,
// which the registration derives.

export type MissionRegistration = Pick<missions.RegisterMissionRequest, 'type' | 'consularClass' | 'address'>;

export type RegistrationDecision = { ok: true; regionalOffice: RegionalOffice } | { ok: false; errors: FieldError[] };

export const decideRegistration = (r: MissionRegistration): RegistrationDecision => {
  const errors: FieldError[] = [];
  if (r.type === 'consular-post' && r.consularClass === undefined)
    errors.push({ field: 'consularClass', message: 'consularClass is required for a consular-post' });
  if (r.type !== 'consular-post' && r.consularClass !== undefined)
    errors.push({ field: 'consularClass', message: 'consularClass applies only to a mission of type consular-post' });
  // The proto requires an address; without one there is nothing more to decide.
  if (!r.address) return { ok: false, errors: [...errors, { field: 'address', message: 'address is required' }] };
  if (!KNOWN_STATES.includes(r.address.state)) {
    errors.push({
      field: 'address.state',
      message: 'address.state must be a U.S. state, DC or territory code such as "DC"',
    });
    return { ok: false, errors };
  }
  const regionalOffice = regionalOfficeFor(r.address);
  if (!regionalOffice)
    errors.push({
      field: 'address.postalCode',
      message: 'address.postalCode does not fall within any OFM regional office',
    });
  return errors.length || !regionalOffice ? { ok: false, errors } : { ok: true, regionalOffice };
};
