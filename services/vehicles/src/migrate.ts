import { runMigrations } from '@ofm/persistence';
import { createLogger, urlVar, loadConfig, ConfigError } from '@ofm/platform';
import { z } from 'zod';
import { createServiceDataSource } from './data-source';

// `ofm migrate` / the Helm hook Job: applies pending migrations to DATABASE_URL and exits; services
// never migrate at boot (N replicas would race).
const logger = createLogger('vehicles-migrate');

const main = async (): Promise<void> => {
  const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: urlVar() }));
  const ds = createServiceDataSource(DATABASE_URL);
  try {
    const applied = await runMigrations(ds);
    logger.info({ applied }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'schema up to date');
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
};

main().catch((error: unknown) => {
  logger.error({ err: error }, error instanceof ConfigError ? error.message : 'migration failed');
  process.exit(1);
});
