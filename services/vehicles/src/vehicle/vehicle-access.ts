import { canSeeMission } from '@ofm/kernel';
import { notFound, type Actor } from '@ofm/platform';
import type { EntityManager } from 'typeorm';
import type { VehicleEntity } from './vehicle.entity';
import { findVehicle } from './vehicle.repository';

// A vehicle of another mission is answered exactly like one that does not exist (CONTRACT.md: 404
// for what may not be seen), so a mission user cannot probe for other missions' vehicles.
export const visibleVehicle = async (em: EntityManager, actor: Actor, id: string): Promise<VehicleEntity> => {
  const vehicle = await findVehicle(em, id);
  if (!vehicle || !canSeeMission(actor, vehicle.missionId)) throw notFound('vehicle', id);
  return vehicle;
};
