import { runMigrations } from '@ofm/persistence';
import { createLogger, loadConfig, urlVar } from '@ofm/platform';
import { z } from 'zod';
import { createServiceDataSource } from './data-source';

// `ofm migrate` runs this as its own step (a Helm hook Job in Kubernetes), never at service start:
// N replicas must not race to change the schema. It needs DATABASE_URL only.
const logger = createLogger('accreditation-migrate');

const main = async (): Promise<void> => {
  const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: urlVar() }));
  const ds = createServiceDataSource(DATABASE_URL, 1);
  await ds.initialize();
  try {
    const applied = await runMigrations(ds);
    logger.info({ applied }, 'migrations applied');
  } finally {
    await ds.destroy();
  }
};

main().catch((error: unknown) => {
  logger.error({ err: error instanceof Error ? error.message : String(error) }, 'migration failed');
  process.exit(1);
});
