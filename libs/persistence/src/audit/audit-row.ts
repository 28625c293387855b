import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from './record-audit';

// The columns of one audit_record row, in the order auditRowValues gives them. Written as plain SQL
// rather than through TypeORM's insert builder: the builder cost more CPU than the whole statement on
// the write path (docs/operations/write-path.md), and commitChange puts this row into the same
// statement as the change's outbox events, one round trip instead of two.
export const AUDIT_COLUMNS =
  'id, occurred_at, actor_subject, actor_roles, action, entity_type, entity_id, before, after, reason, trace_id';
export const AUDIT_COLUMN_COUNT = 11;

/** `($n, $n+1, …)` for one audit row whose first parameter is `$first`, with each parameter's cast. */
export const auditRowPlaceholders = (first: number): string => {
  const p = (i: number) => `$${first + i}`;
  return `(${p(0)}::uuid, ${p(1)}::timestamptz, ${p(2)}, ${p(3)}::text[], ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::jsonb, ${p(8)}::jsonb, ${p(9)}, ${p(10)})`;
};

/** The INSERT of one audit row whose parameters are auditRowValues' (recordAudit, commitChange, checks). */
export const AUDIT_INSERT = `INSERT INTO audit_record (${AUDIT_COLUMNS}) VALUES ${auditRowPlaceholders(1)}`;

export interface AuditRow {
  id: string;
  occurredAt: Date;
  values: unknown[];
}

/** The parameters of one audit row for `entry`: a new id, now, and the active trace. */
export const auditRowValues = (entry: AuditEntry): AuditRow => {
  const id = randomUUID();
  const occurredAt = new Date();
  return {
    id,
    occurredAt,
    values: [
      id,
      occurredAt.toISOString(),
      entry.actor.subject,
      [...entry.actor.roles],
      entry.action,
      entry.entityType,
      entry.entityId,
      asJsonText(entry.before),
      asJsonText(entry.after),
      entry.reason ?? null,
      trace.getActiveSpan()?.spanContext().traceId ?? null,
    ],
  };
};

// Snapshots go to jsonb: JSON drops class prototypes and Date objects become ISO strings.
const asJsonText = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);
