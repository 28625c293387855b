import { ConfigError, createLogger, loadConfig, urlVar } from '@ofm/platform';
import { z } from 'zod';
import { runMigrations } from './migrations.runner';
import { serviceDataSource, type ServiceDatabase } from './service-database';

/**
 * A service's src/migrate.ts (`ofm migrate`, the Helm hook Job): applies the pending migrations to
 * DATABASE_URL, logs their names and ends; exit code 1 (with the reason logged) when it cannot.
 * Never called at service start: N replicas must not race to change the schema.
 */
export const runMigrationsMain = async (
  database: ServiceDatabase,
  env: Record<string, string | undefined> = process.env,
): Promise<void> => {
  const logger = createLogger(`${database.serviceName}-migrate`);
  try {
    const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: urlVar() }), env);
    const ds = serviceDataSource(database, { url: DATABASE_URL, poolSize: 1 });
    try {
      const applied = await runMigrations(ds);
      logger.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema up to date');
    } finally {
      if (ds.isInitialized) await ds.destroy();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ err: reason }, error instanceof ConfigError ? reason : `migrations failed: ${reason}`);
    // Not process.exit: the log line is flushed before the process ends.
    process.exitCode = 1;
  }
};
