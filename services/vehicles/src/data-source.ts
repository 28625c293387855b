import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { replicaEntities, replicaMigrations } from '@ofm/replicas';
import { InsurancePolicyEntity } from './insurance/insurance-policy.entity';
import { PlateCountryCodesSeed1795879300100 } from './migrations/1795879300100-plate-country-codes-seed.migration';
import { VehiclesSchema1795879300000 } from './migrations/1795879300000-vehicles-schema.migration';
import { InsuranceProofType1795879300200 } from './migrations/1795879300200-insurance-proof-type.migration';
import { InsuranceCancellation1795879300500 } from './migrations/1795879300500-insurance-cancellation.migration';
import { InsuranceFeed1795879300600 } from './migrations/1795879300600-insurance-feed.migration';
import { InsurancePolicyIndexDedupe1795879301100 } from './migrations/1795879301100-insurance-policy-index-dedupe.migration';
import { licenceEntities, licenceMigrations } from './licence/licence.schema';
import { lifecycleEntities, lifecycleMigrations } from './lifecycle/lifecycle.schema';
import { PlateCountryCodeEntity } from './vehicle/plate-country-code.entity';
import { VehicleEntity } from './vehicle/vehicle.entity';

/** Every entity and migration of the service's database, its libs' included, listed (never globbed). */
export const vehiclesDatabase: ServiceDatabase = {
  serviceName: 'vehicles',
  entities: [
    ...messagingEntities,
    ...replicaEntities,
    VehicleEntity,
    InsurancePolicyEntity,
    PlateCountryCodeEntity,
    ...licenceEntities,
    ...lifecycleEntities,
  ],
  migrations: [
    ...messagingMigrations,
    ...replicaMigrations,
    VehiclesSchema1795879300000,
    PlateCountryCodesSeed1795879300100,
    InsuranceProofType1795879300200,
    InsuranceCancellation1795879300500,
    InsuranceFeed1795879300600,
    ...licenceMigrations,
    ...lifecycleMigrations,
    InsurancePolicyIndexDedupe1795879301100,
  ],
};
