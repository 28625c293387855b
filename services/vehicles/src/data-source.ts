import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { InsurancePolicyEntity } from './insurance/insurance-policy.entity';
import { PlateCountryCodesSeed1795879300100 } from './migrations/1795879300100-plate-country-codes-seed.migration';
import { VehiclesSchema1795879300000 } from './migrations/1795879300000-vehicles-schema.migration';
import { InsuranceProofType1795879300200 } from './migrations/1795879300200-insurance-proof-type.migration';
import { MemberReplicaOptionalImmunity1795879300300 } from './migrations/1795879300300-member-replica-optional-immunity.migration';
import { MemberReplicaEntity } from './replica/member-replica.entity';
import { MissionReplicaEntity } from './replica/mission-replica.entity';
import { PlateCountryCodeEntity } from './vehicle/plate-country-code.entity';
import { VehicleEntity } from './vehicle/vehicle.entity';

/** Every entity and migration of the service's database, its libs' included, listed (never globbed). */
export const vehiclesDatabase: ServiceDatabase = {
  serviceName: 'vehicles',
  entities: [
    ...messagingEntities,
    VehicleEntity,
    InsurancePolicyEntity,
    PlateCountryCodeEntity,
    MemberReplicaEntity,
    MissionReplicaEntity,
  ],
  migrations: [
    ...messagingMigrations,
    VehiclesSchema1795879300000,
    PlateCountryCodesSeed1795879300100,
    InsuranceProofType1795879300200,
    MemberReplicaOptionalImmunity1795879300300,
  ],
};
