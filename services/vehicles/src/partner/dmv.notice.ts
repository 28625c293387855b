import { EVENT_TYPES, type DmvChange, type vehicles } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';

/** What a DMV notice reads of a vehicle: the vehicle itself and its registration, never its owner. */
export type DmvVehicle = Pick<vehicles.Vehicle, 'plate' | 'vin' | 'make' | 'model' | 'year' | 'insuranceStatus'> & {
  registration?: Pick<NonNullable<vehicles.Vehicle['registration']>, 'status' | 'expiresOn'>;
};

// ofm.partner.dmv.v1 carries, for each change of a registration's or an insurance's status, the
// vehicle (plate, VIN, make, model, year) and its statuses with their dates — built field by field,
// so nothing of the owner (member, mission, name) can reach a state DMV. Keyed by the VIN, which
// stays when a plate is replaced.
export const dmvNotice = (change: DmvChange, vehicle: DmvVehicle, effectiveOn: IsoDay) => ({
  type: EVENT_TYPES.vehicleStatusReported,
  subject: vehicle.vin,
  data: {
    change,
    plate: vehicle.plate,
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    year: vehicle.year,
    registrationStatus: vehicle.registration?.status ?? '',
    registrationExpiresOn: vehicle.registration?.expiresOn ?? '',
    insuranceStatus: vehicle.insuranceStatus,
    effectiveOn,
  },
});
