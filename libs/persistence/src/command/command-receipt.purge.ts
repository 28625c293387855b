import type { DataSource } from 'typeorm';

const PURGE_CHUNK = 5000;

/**
 * Deletes receipts older than `retentionDays` (COMMAND_RECEIPT_RETENTION_DAYS, longer than any retry:
 * the gateway's IDEMPOTENCY_TTL_HOURS), in chunks; returns how many. PersistenceModule runs it hourly.
 */
export const purgeCommandReceipts = async (ds: DataSource, retentionDays: number): Promise<number> => {
  let total = 0;
  for (;;) {
    const [, deleted] = (await ds.query(
      `DELETE FROM command_receipt WHERE ctid IN (
         SELECT ctid FROM command_receipt WHERE created_at < now() - make_interval(days => $1) LIMIT ${PURGE_CHUNK})`,
      [retentionDays],
    )) as [unknown, number];
    total += deleted ?? 0;
    if ((deleted ?? 0) < PURGE_CHUNK) return total;
  }
};
