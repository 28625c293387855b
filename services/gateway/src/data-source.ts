import type { ServiceDatabase } from '@ofm/persistence';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { GatewayIdempotencyKey1795879500000 } from './migrations/1795879500000-gateway-idempotency-key.migration';
import { GatewayVerificationAudit1795879500100 } from './migrations/1795879500100-gateway-verification-audit.migration';
import { VerificationAuditLicence1795879500700 } from './migrations/1795879500700-verification-audit-licence.migration';
import { VerificationAuditEntity } from './verification/verification-audit.entity';

// The gateway's own database (idempotency keys, audit of verifications); persistence's tables are added.
export const gatewayDatabase: ServiceDatabase = {
  serviceName: 'gateway',
  entities: [IdempotencyKeyEntity, VerificationAuditEntity],
  migrations: [
    GatewayIdempotencyKey1795879500000,
    GatewayVerificationAudit1795879500100,
    VerificationAuditLicence1795879500700,
  ],
};
