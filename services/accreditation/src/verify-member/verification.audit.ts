import { randomUUID } from 'node:crypto';
import { activeTraceIds } from '@ofm/platform/telemetry';
import type { DataSource } from 'typeorm';
import { plainQuery, type AuditEntry } from '@ofm/persistence';

// The audit record of a verification, as recordAudit (libs/persistence) writes one, but as a single
// INSERT of its own: a verification changes nothing, so there is no change whose transaction the
// record must share, and BEGIN + COMMIT around a read and one insert were two of the check's five
// round trips. The row is the same audit_record row (who asked, what, the trace).
export const auditVerification = async (
  ds: DataSource,
  entry: Omit<AuditEntry, 'before' | 'reason'>,
): Promise<void> => {
  await plainQuery(
    ds,
    `INSERT INTO audit_record (id, occurred_at, actor_subject, actor_roles, action, entity_type, entity_id, before, after, reason, trace_id)
     VALUES ($1, now(), $2, $3, $4, $5, $6, NULL, $7, NULL, $8)`,
    [
      randomUUID(),
      entry.actor.subject,
      [...entry.actor.roles],
      entry.action,
      entry.entityType,
      entry.entityId,
      JSON.stringify(entry.after),
      activeTraceIds().trace_id ?? null,
    ],
  );
};
