import { AuditRecord } from './audit/audit-record.entity';
import { PersistenceAuditRecord1700000000000 } from './migrations/1700000000000-persistence-audit-record';
import { PersistenceCommandReceipt1700000000300 } from './migrations/1700000000300-persistence-command-receipt';

// Spread into every service's entity and migration lists (createDataSource also adds them).
export const persistenceEntities = [AuditRecord];
export const persistenceMigrations = [PersistenceAuditRecord1700000000000, PersistenceCommandReceipt1700000000300];
