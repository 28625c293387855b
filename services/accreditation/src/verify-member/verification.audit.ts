import type { DataSource } from 'typeorm';
import { AUDIT_INSERT, auditRowValues, plainQuery, type AuditEntry } from '@ofm/persistence';

// The audit record of a verification, as recordAudit (libs/persistence) writes one, but as a single
// INSERT of its own: a verification changes nothing, so there is no change whose transaction the
// record must share, and BEGIN + COMMIT around a read and one insert were two of the check's five
// round trips. The row is the same audit_record row (who asked, what, the trace).
export const auditVerification = async (
  ds: DataSource,
  entry: Omit<AuditEntry, 'before' | 'reason'>,
): Promise<void> => {
  await plainQuery(ds, AUDIT_INSERT, auditRowValues({ ...entry, before: null }).values);
};
