import { randomUUID } from 'node:crypto';
import type { compliance } from '@ofm/contracts';

// Flags this service raises on vehicles (DOMAIN.md "Compliance and flags").
export const FLAG_RAISED_BY = 'vehicles';

interface FlaggedVehicle {
  id: string;
  missionId: string;
}

const vehicleFlag = (
  vehicle: FlaggedVehicle,
  fields: Pick<compliance.Flag, 'reasonCode' | 'severity' | 'visibility' | 'detail'>,
  raisedAt: Date,
): compliance.Flag => ({
  id: randomUUID(),
  subjectType: 'vehicle',
  subjectId: vehicle.id,
  missionId: vehicle.missionId,
  raisedBy: FLAG_RAISED_BY,
  raisedAt: raisedAt.toISOString(),
  clearedAt: '',
  ...fields,
});

// The owner's appointment ended: the vehicle must be sold, exported or transferred. Internal,
// because disposal is followed up by OFM with the mission.
export const disposalDueFlag = (vehicle: FlaggedVehicle, raisedAt: Date, detail: string): compliance.Flag =>
  vehicleFlag(vehicle, { reasonCode: 'disposal-due', severity: 'medium', visibility: 'internal', detail }, raisedAt);

// An uninsured diplomatic vehicle on the road: high severity, and shared with partners because a
// lapse "is reported to partners" (DOMAIN.md).
export const insuranceLapseFlag = (vehicle: FlaggedVehicle, raisedAt: Date, detail: string): compliance.Flag =>
  vehicleFlag(vehicle, { reasonCode: 'insurance-lapse', severity: 'high', visibility: 'partner', detail }, raisedAt);

/** The insurance-lapse flag `flagId` of a vehicle, as it closes because insurance was recorded again. */
export const clearedLapseFlag = (vehicle: FlaggedVehicle, flagId: string, clearedAt: Date): compliance.Flag => ({
  ...insuranceLapseFlag(vehicle, clearedAt, 'insurance recorded again'),
  id: flagId,
  // The raise time lives with the flag's owner (the compliance read model), not here.
  raisedAt: '',
  clearedAt: clearedAt.toISOString(),
});
