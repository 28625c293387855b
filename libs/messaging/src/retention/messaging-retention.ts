import type { DataSource } from 'typeorm';
import { messagingTableRows } from '../metrics/messaging.metrics';

const CHUNK = 5000;
const DAY_SECONDS = 86_400;

// Deletes in chunks, so a large backlog never holds one long transaction or lock.
const deleteInChunks = async (ds: DataSource, sql: string, params: unknown[]): Promise<number> => {
  let total = 0;
  for (;;) {
    const [, deleted] = (await ds.query(sql, params)) as [unknown, number];
    total += deleted ?? 0;
    if ((deleted ?? 0) < CHUNK) return total;
  }
};

/**
 * Deletes outbox rows published more than `retentionDays` ago (OUTBOX_RETENTION_DAYS); rows not yet
 * published are never touched, however old. Returns how many went.
 */
export const purgePublishedOutbox = (ds: DataSource, retentionDays: number): Promise<number> =>
  deleteInChunks(
    ds,
    `DELETE FROM outbox_event WHERE seq IN (
       SELECT seq FROM outbox_event
       WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => $1)
       LIMIT ${CHUNK})`,
    [retentionDays * DAY_SECONDS],
  );

/**
 * Forgets the ids of events applied more than `retentionDays` ago (INBOX_RETENTION_DAYS), for every
 * consumer group. An id must outlive every copy of its event Kafka can still deliver, hence
 * INBOX_RETENTION_DAYS ≥ the topics' retention: a replay from the start of a topic then finds every id.
 */
export const purgeInbox = (ds: DataSource, retentionDays: number): Promise<number> =>
  deleteInChunks(
    ds,
    `DELETE FROM inbox_event WHERE ctid IN (
       SELECT ctid FROM inbox_event WHERE processed_at < now() - make_interval(secs => $1) LIMIT ${CHUNK})`,
    [retentionDays * DAY_SECONDS],
  );

interface TableStats {
  table: string;
  tuples: number;
  pages: number;
  currentPages: number;
}

/**
 * Sets ofm_messaging_table_rows for outbox_event and inbox_event and answers it. Cheap: the planner's
 * estimate (pg_class.reltuples per page at the last ANALYZE × the table's pages now), no scan; a table
 * never analyzed (or empty when it was) is small enough to count exactly.
 */
export const refreshMessagingTableRows = async (ds: DataSource): Promise<Record<string, number>> => {
  const stats = (await ds.query(
    `SELECT c.relname AS "table", c.reltuples::float8 AS tuples, c.relpages AS pages,
            (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 AS "currentPages"
     FROM pg_class c WHERE c.oid IN (to_regclass('outbox_event'), to_regclass('inbox_event'))`,
  )) as TableStats[];
  const rows: Record<string, number> = {};
  for (const s of stats) {
    rows[s.table] =
      s.tuples >= 0 && s.pages > 0
        ? Math.round((s.tuples / s.pages) * s.currentPages)
        : ((await ds.query(`SELECT count(*)::float8 AS n FROM ${s.table}`)) as { n: number }[])[0]!.n;
    messagingTableRows().set({ table: s.table }, rows[s.table]!);
  }
  return rows;
};
