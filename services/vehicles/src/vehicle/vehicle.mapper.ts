import type { vehicles } from '@ofm/contracts';
import type { VehicleEntity } from './vehicle.entity';

/** Entity → ofm.vehicles.v1.Vehicle: the same names; the owner not given stays undefined. */
export const toVehicleMessage = (v: VehicleEntity): vehicles.Vehicle => ({
  id: v.id,
  ownerMemberId: v.ownerMemberId,
  ownerMissionId: v.ownerMissionId,
  vin: v.vin,
  make: v.make,
  model: v.model,
  year: v.year,
  kind: v.kind,
  plate: v.plate,
  registration: { status: v.registrationStatus, expiresOn: v.expiresOn, registeredOn: v.registeredOn },
  insuranceStatus: v.insuranceStatus,
  version: v.version,
  missionId: v.missionId,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

/** The audited state of a vehicle: what an officer would compare before and after. */
export const vehicleAuditState = (v: VehicleEntity): Record<string, unknown> => {
  const { seq: _seq, createdAt, updatedAt, ...rest } = v;
  return { ...rest, createdAt: createdAt?.toISOString(), updatedAt: updatedAt?.toISOString() };
};
