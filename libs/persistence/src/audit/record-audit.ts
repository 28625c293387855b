import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditRecord } from './audit-record.entity';

export interface AuditEntry {
  actor: { subject: string; roles: readonly string[] };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

// Must share the transaction of the change it records: an audit row for a change that rolled back,
// or a change without its audit row, would both be lies.
export const recordAudit = async (em: EntityManager, entry: AuditEntry): Promise<AuditRecord> => {
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error('recordAudit must run inside the transaction of the change it records (use inTransaction)');
  }
  const record = em.create(AuditRecord, {
    id: randomUUID(),
    occurredAt: new Date(),
    actorSubject: entry.actor.subject,
    actorRoles: [...entry.actor.roles],
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: asJson(entry.before),
    after: asJson(entry.after),
    reason: entry.reason ?? null,
    traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
  });
  await em.insert(AuditRecord, record as QueryDeepPartialEntity<AuditRecord>);
  return record;
};

// Snapshots go to jsonb; plain copies drop class prototypes and Date objects become ISO strings.
const asJson = (value: unknown): object | null =>
  value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as object);
