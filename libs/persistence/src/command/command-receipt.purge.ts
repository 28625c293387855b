import { createLogger } from '@ofm/platform';
import type { DataSource } from 'typeorm';

const PURGE_CHUNK = 5000;
const DEFAULT_PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes receipts older than `retentionDays`, in chunks; returns how many. */
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

export interface CommandReceiptPurgeOptions {
  /** COMMAND_RECEIPT_RETENTION_DAYS: longer than any retry (the gateway's IDEMPOTENCY_TTL_HOURS). */
  retentionDays: number;
  /** Default hourly; 0 runs no timer. */
  intervalMs?: number;
  serviceName?: string;
}

// Forgets receipts past their retention, hourly. Every replica may do it: the DELETE is idempotent.
// The timer alone never keeps a process alive; stop() on shutdown, before the pool closes.
export const scheduleCommandReceiptPurge = (ds: DataSource, options: CommandReceiptPurgeOptions): { stop(): void } => {
  const every = options.intervalMs ?? DEFAULT_PURGE_EVERY_MS;
  if (every <= 0) return { stop: () => undefined };
  const logger = createLogger(options.serviceName ?? 'persistence');
  const timer = setInterval(() => {
    if (!ds.isInitialized) return;
    purgeCommandReceipts(ds, options.retentionDays)
      .then((purged) => {
        if (purged > 0)
          logger.info({ purged, retentionDays: options.retentionDays }, 'forgot expired command receipts');
      })
      .catch((error: unknown) =>
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'command receipt purge failed'),
      );
  }, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};
