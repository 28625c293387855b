import type { EntityManager } from 'typeorm';
import { AuditRecord } from './audit-record.entity';
import { AUDIT_INSERT, auditRowValues } from './audit-row';

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
  const row = auditRowValues(entry);
  await em.query(AUDIT_INSERT, row.values);
  return Object.assign(new AuditRecord(), {
    id: row.id,
    occurredAt: row.occurredAt,
    actorSubject: entry.actor.subject,
    actorRoles: [...entry.actor.roles],
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: asJson(entry.before),
    after: asJson(entry.after),
    reason: entry.reason ?? null,
    traceId: (row.values[10] as string | null) ?? null,
  });
};

// The returned record holds the snapshots as the row does (plain JSON), as TypeORM would have read them.
const asJson = (value: unknown): object | null =>
  value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as object);
