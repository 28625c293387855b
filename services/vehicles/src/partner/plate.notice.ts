import { EVENT_TYPES, type PlateChange, type vehicles } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';

// ofm.partner.law-enforcement.v1 carries, for each change of a plate an officer may meet (suspended,
// reported stolen, disposed), the plate, the VIN, its status and the owning mission's name — and
// nothing of the owner: a plate never speaks for the driver's immunity (the ID card does). The
// plate's status is the change itself, as GET /verify?plate= answers it from then on.
export const plateNotice = (
  change: PlateChange,
  vehicle: Pick<vehicles.Vehicle, 'plate' | 'vin'>,
  missionName: string,
  effectiveOn: IsoDay,
  plate: string = vehicle.plate,
) => ({
  type: EVENT_TYPES.plateStatusChanged,
  subject: plate,
  data: { change, plate, vin: vehicle.vin, status: change, mission: missionName, effectiveOn },
});
