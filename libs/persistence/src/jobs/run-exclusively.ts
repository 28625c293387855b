import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';

export type ExclusiveOutcome<T> = { ran: true; result: T } | { ran: false };

/** The 64-bit advisory lock key of a name (the first 8 bytes of its SHA-256), as PostgreSQL's bigint. */
export const advisoryLockKey = (name: string): string =>
  BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`)).toString();

/**
 * Runs `job` only if no other holder of `lockKey` runs it now, on this database (advisory locks are
 * per database): every replica of a service may call it at the same moment, one runs, the others get
 * `{ ran: false }` at once and do not wait. The session-level lock is taken with pg_try_advisory_lock
 * on one pooled connection, held while the job runs on others (so it needs a pool of two or more), and
 * released on that same connection; if the process dies, PostgreSQL drops the lock with its session.
 */
export const runExclusively = async <T>(
  dataSource: DataSource,
  lockKey: string,
  job: () => Promise<T>,
): Promise<ExclusiveOutcome<T>> => {
  const key = advisoryLockKey(lockKey);
  const lockHolder = dataSource.createQueryRunner();
  let broken: unknown;
  try {
    const [row] = (await lockHolder.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])) as {
      locked: boolean;
    }[];
    if (!row?.locked) return { ran: false };
    try {
      return { ran: true, result: await job() };
    } finally {
      const [unlocked] = (await lockHolder
        .query('SELECT pg_advisory_unlock($1::bigint) AS unlocked', [key])
        .catch((error: unknown) => {
          broken = error;
          return [];
        })) as { unlocked?: boolean }[];
      if (!unlocked?.unlocked) broken ??= new Error(`advisory lock ${lockKey} was not held any more`);
    }
  } finally {
    await release(lockHolder, broken);
  }
};

// A connection that may still hold the lock must never go back to the pool: released with an error,
// pg-pool closes it, and the lock ends with its session.
const release = async (queryRunner: QueryRunner, error: unknown): Promise<void> => {
  const discard = (queryRunner as QueryRunner & { releasePostgresConnection?: (err?: unknown) => Promise<void> })
    .releasePostgresConnection;
  if (error !== undefined && discard) await discard.call(queryRunner, error);
  else await queryRunner.release();
};
