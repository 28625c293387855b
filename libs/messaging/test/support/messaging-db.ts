import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { persistenceEntities, persistenceMigrations } from '@ofm/persistence';
import { messagingEntities, messagingMigrations } from '../../src';

// The effect the consumers under test apply: one row per event id, `applied` counts how often. Exactly
// once in effect ⇔ one row per event and applied = 1 everywhere.
export class TestEffect1800000000000 implements MigrationInterface {
  name = 'TestEffect1800000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE effect (event_id uuid PRIMARY KEY, subject text NOT NULL, applied integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE effect`);
  }
}

export const APPLY_EFFECT = `
  INSERT INTO effect (event_id, subject, applied) VALUES ($1, $2, 1)
  ON CONFLICT (event_id) DO UPDATE SET applied = effect.applied + 1`;

export const applyEffect = async (em: EntityManager, eventId: string, subject: string): Promise<void> => {
  await em.query(APPLY_EFFECT, [eventId, subject]);
};

export const openDataSource = async (url: string, poolSize = 10): Promise<DataSource> => {
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities: messagingEntities,
    migrations: [...messagingMigrations, TestEffect1800000000000],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    applicationName: 'messaging-test',
  });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
};

/** The outbox and inbox beside the audit record (@ofm/persistence), as commitChange writes them. */
export const openAuditedDataSource = async (url: string): Promise<DataSource> => {
  const ds = new DataSource({
    type: 'postgres',
    url,
    entities: [...persistenceEntities, ...messagingEntities],
    migrations: [...persistenceMigrations, ...messagingMigrations],
    migrationsTransactionMode: 'each',
    synchronize: false,
  });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
};

export interface EffectStats {
  rows: number;
  total: number;
  maxApplied: number;
}

export const effectStats = async (ds: DataSource): Promise<EffectStats> => {
  const [r] = (await ds.query(
    'SELECT count(*)::int AS rows, coalesce(sum(applied), 0)::int AS total, coalesce(max(applied), 0)::int AS "maxApplied" FROM effect',
  )) as EffectStats[];
  return r!;
};

export const countRows = async (ds: DataSource, sql: string, params: unknown[] = []): Promise<number> => {
  const [r] = (await ds.query(sql, params)) as { n: number }[];
  return r!.n;
};
