import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './data-source.factory';

// What a service's database holds, listed once (its data-source.ts) and used by the app
// (PersistenceModule), its migrations entry point (runMigrationsMain) and its tests. Entities and
// migrations are listed, never globbed, so the bundle is exact; the audit and command-receipt tables
// of this lib are always added.
export interface ServiceDatabase {
  /** `vehicles` → application_name `ofm-vehicles` in pg_stat_activity. */
  serviceName: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
}

export interface DatabaseConnection {
  /** DATABASE_URL */
  url: string;
  /** DATABASE_POOL_SIZE; pg's default (10) when absent. */
  poolSize?: number;
}

export const serviceDataSource = (database: ServiceDatabase, connection: DatabaseConnection): DataSource =>
  createDataSource({
    url: connection.url,
    applicationName: `ofm-${database.serviceName}`,
    entities: database.entities,
    migrations: database.migrations,
    ...(connection.poolSize ? { poolSize: connection.poolSize } : {}),
  });
