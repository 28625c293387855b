import { createDataSource, persistenceEntities, persistenceMigrations } from '@ofm/persistence';
import type { DataSource } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { GatewayIdempotencyKey1795879500000 } from './migrations/1795879500000-gateway-idempotency-key.migration';
import { GatewayVerificationAudit1795879500100 } from './migrations/1795879500100-gateway-verification-audit.migration';
import { VerificationAuditEntity } from './verification/verification-audit.entity';

export const gatewayEntities = [...persistenceEntities, IdempotencyKeyEntity, VerificationAuditEntity];
export const gatewayMigrations = [
  ...persistenceMigrations,
  GatewayIdempotencyKey1795879500000,
  GatewayVerificationAudit1795879500100,
];

export const createServiceDataSource = (url: string): DataSource =>
  createDataSource({ url, entities: gatewayEntities, migrations: gatewayMigrations, applicationName: 'ofm-gateway' });
