import { DataSource, type DataSourceOptions as TypeOrmDataSourceOptions } from 'typeorm';
import { persistenceEntities, persistenceMigrations } from './persistence.schema';
import { createTypeOrmLogger, SLOW_QUERY_MS } from './typeorm-pino.logger';

type EntityList = NonNullable<TypeOrmDataSourceOptions['entities']>;
type MigrationList = NonNullable<TypeOrmDataSourceOptions['migrations']>;

export interface DataSourceOptions {
  url: string;
  entities: EntityList;
  migrations: MigrationList;
  // Shown in pg_stat_activity, so a DBA sees which service holds a connection.
  applicationName: string;
  poolSize?: number;
}

export const MIGRATIONS_TABLE = 'schema_migrations';

// How long a query waits for a connection of the pool (or a new one) before failing as transient
// (UNAVAILABLE, 503 + Retry-After: nothing was done).
export const POOL_ACQUIRE_TIMEOUT_MS = 2_000;

// Schema changes only through hand-written migrations, run as their own step (`ofm migrate`, a Helm
// hook Job), never at boot of N replicas. The audit entity and migration are always included, so
// recordAudit works even in a service that forgot to spread persistenceEntities.
export const createDataSource = (options: DataSourceOptions): DataSource =>
  new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: withLib(options.entities, persistenceEntities),
    migrations: withLib(options.migrations, persistenceMigrations),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    logger: createTypeOrmLogger(options.applicationName),
    logging: ['error', 'warn', 'migration', 'log'],
    maxQueryExecutionTime: SLOW_QUERY_MS,
    ...(options.poolSize !== undefined ? { poolSize: options.poolSize } : {}),
    extra: {
      // Fail fast and report not-ready rather than queue requests behind a dead database; and, with
      // the gRPC in-flight limit (4 calls per connection), a command waits for a connection a few
      // transactions long at most, so this only fires when the database is away. It stays well under
      // the gateway's gRPC deadline (GRPC_DEADLINE_MS, 5 s), so a command that got its connection has
      // time to finish before its caller stops waiting (docs/operations/load-shedding.md).
      connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS,
    },
  });

// TypeORM also accepts `{ name: Class }` maps; duplicates (a service that spread the lib lists) go.
const withLib = <L extends EntityList | MigrationList>(list: L, lib: readonly unknown[]): L => {
  const given: unknown[] = Array.isArray(list) ? list : Object.values(list);
  return [...new Set([...lib, ...given])] as L;
};
