import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { FlagEntity } from './flag/flag.entity';
import { CreateFlagRegister1796135283887 } from './migrations/1796135283887-create-flag-register.migration';

// Every entity and migration of the service's database, listed (never globbed): the outbox and inbox
// (messaging) and its own; the audit and command receipts (persistence) are always added.
export const insightsDatabase: ServiceDatabase = {
  serviceName: 'insights',
  entities: [...messagingEntities, FlagEntity],
  migrations: [...messagingMigrations, CreateFlagRegister1796135283887],
};
