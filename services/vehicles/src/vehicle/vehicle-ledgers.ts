import type { vehicles } from '@ofm/contracts';
import type { EntityManager } from 'typeorm';
import { ReplacedPlateEntity } from './replaced-plate.entity';
import { TitleEntryEntity } from './title-entry.entity';
import type { VehicleEntity } from './vehicle.entity';
import { toVehicleMessage, type VehicleLedgers } from './vehicle.mapper';

/** The rows beside a vehicle that its message carries: plates replaced and the title ledger, in order. */
export const ledgersOf = async (em: EntityManager, vehicleId: string): Promise<VehicleLedgers> => {
  const [replaced, titles] = await Promise.all([
    em.find(ReplacedPlateEntity, { where: { vehicleId }, order: { createdAt: 'ASC', plate: 'ASC' } }),
    em.find(TitleEntryEntity, { where: { vehicleId }, order: { seq: 'ASC' } }),
  ]);
  return { replacedPlates: replaced.map((r) => r.plate), titles };
};

/** The whole ofm.vehicles.v1.Vehicle of one vehicle, ledgers included. */
export const fullVehicleMessage = async (em: EntityManager, vehicle: VehicleEntity): Promise<vehicles.Vehicle> =>
  toVehicleMessage(vehicle, await ledgersOf(em, vehicle.id));
