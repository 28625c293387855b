import { conflict } from '@ofm/platform';
import type { EntityManager } from 'typeorm';
import { VehicleEntity } from './vehicle.entity';

type VehicleChange = Partial<
  Pick<
    VehicleEntity,
    | 'registrationStatus'
    | 'insuranceStatus'
    | 'lapseFlagId'
    | 'expiresOn'
    | 'plate'
    | 'disposalDueOn'
    | 'disposalFlagId'
    | 'disposalMethod'
    | 'disposedOn'
    | 'platesReturned'
    | 'disposalSurcharge'
  >
>;

export const findVehicle = (em: EntityManager, id: string): Promise<VehicleEntity | null> =>
  em.findOneBy(VehicleEntity, { id });

/**
 * Applies a change only if nobody changed the vehicle since `current` was read (optimistic
 * concurrency): the losing writer gets a 409 and its whole transaction rolls back.
 */
export const updateVehicle = async (
  em: EntityManager,
  current: VehicleEntity,
  change: VehicleChange,
): Promise<VehicleEntity> => {
  const result = await em
    .createQueryBuilder()
    .update(VehicleEntity)
    .set({ ...change, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (result.affected !== 1) {
    throw conflict(
      `vehicle ${current.id} was changed by someone else (version ${current.version} is stale); reload and retry`,
    );
  }
  return em.findOneByOrFail(VehicleEntity, { id: current.id });
};
