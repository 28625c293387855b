import type { vehicles } from '@ofm/contracts';
import type { TitleEntryEntity } from './title-entry.entity';
import type { VehicleEntity } from './vehicle.entity';

/** What a vehicle's message carries from beside its row: its replaced plates and title ledger. */
export interface VehicleLedgers {
  replacedPlates?: readonly string[];
  titles?: readonly TitleEntryEntity[];
}

const disposalOf = (v: VehicleEntity): vehicles.VehicleDisposal | undefined =>
  v.disposalMethod && v.disposedOn
    ? {
        method: v.disposalMethod,
        disposedOn: v.disposedOn,
        platesReturned: v.platesReturned === true,
        surcharge: v.disposalSurcharge,
      }
    : undefined;

/** Entity → ofm.vehicles.v1.Vehicle: the same names; the owner not given stays undefined. */
export const toVehicleMessage = (v: VehicleEntity, ledgers: VehicleLedgers = {}): vehicles.Vehicle => ({
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
  disposalDueOn: v.disposalDueOn,
  disposal: disposalOf(v),
  replacedPlates: [...(ledgers.replacedPlates ?? [])],
  titles: (ledgers.titles ?? []).map((t) => ({
    id: t.id,
    role: t.role,
    holder: t.holder,
    recordedOn: t.recordedOn,
    releasedOn: t.releasedOn,
  })),
});

/** The audited state of a vehicle: what an officer would compare before and after. */
export const vehicleAuditState = (v: VehicleEntity): Record<string, unknown> => {
  const { seq: _seq, createdAt, updatedAt, ...rest } = v;
  return { ...rest, createdAt: createdAt?.toISOString(), updatedAt: updatedAt?.toISOString() };
};
