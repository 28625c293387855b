import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * One parameterised statement straight on the DataSource's pg pool, outside any transaction: for
 * the hot reads and the single-row audit inserts of a check, where TypeORM's query runner (and
 * `insert()`'s BEGIN/COMMIT around one statement) cost more than the statement. Same pool, same
 * connection limits, and the pg instrumentation still traces it when telemetry exports.
 */
export const plainQuery = async (ds: DataSource, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> =>
  (await ((ds.driver as PostgresDriver).master as Pool).query(sql, params)).rows;
