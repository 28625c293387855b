import type { missions } from '@ofm/contracts';
import { orNull } from '../http/values';
import type { MissionView } from './mission.dto';

export const toMissionView = (m: missions.Mission): MissionView => ({
  id: m.id,
  name: m.name,
  country: m.country,
  type: m.type,
  consularClass: orNull(m.consularClass),
  address: m.address
    ? { line1: m.address.line1, city: m.address.city, state: m.address.state, postalCode: m.address.postalCode }
    : null,
  location: m.location ? { lat: m.location.lat, lon: m.location.lon } : null,
  status: m.status,
  regionalOffice: m.regionalOffice,
  consularDistrict: orNull(m.consularDistrict),
  version: m.version,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});
