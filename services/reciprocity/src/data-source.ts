import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { AgreementEntity } from './agreement/agreement.entity';
import { ReciprocitySchema1796135022000 } from './migrations/1796135022000-reciprocity-schema.migration';
import { DefaultProfilesSeed1796135022100 } from './migrations/1796135022100-default-profiles-seed.migration';
import { ProfileVersionEntity } from './profile/profile-version.entity';

// Every entity and migration of the service's database, listed (never globbed): the outbox and inbox
// (messaging) and its own; the audit and command receipts (persistence) are always added.
export const reciprocityDatabase: ServiceDatabase = {
  serviceName: 'reciprocity',
  entities: [...messagingEntities, ProfileVersionEntity, AgreementEntity],
  migrations: [...messagingMigrations, ReciprocitySchema1796135022000, DefaultProfilesSeed1796135022100],
};
