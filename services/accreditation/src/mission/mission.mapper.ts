import type { missions } from '@ofm/contracts';
import type { MissionEntity } from './mission.entity';

// Entity → proto message. proto3 has no null: absent values travel as '' (the generated toJSON
// then leaves them out of events).
export const missionToProto = (m: MissionEntity): missions.Mission => ({
  id: m.id,
  name: m.name,
  country: m.country,
  type: m.type,
  consularClass: m.consularClass ?? '',
  address: { line1: m.addressLine1, city: m.addressCity, state: m.addressState, postalCode: m.addressPostalCode },
  location: { lat: m.locationLat, lon: m.locationLon },
  status: m.status,
  regionalOffice: m.regionalOffice,
  consularDistrict: m.consularDistrict ?? '',
  version: m.version,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});
