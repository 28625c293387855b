import { loadConfig, urlVar } from '@ofm/platform';
import { runMigrations } from '@ofm/persistence';
import { z } from 'zod';
import { createServiceDataSource } from './data-source';

// `ofm migrate` / the Helm hook Job: apply pending migrations to DATABASE_URL, say which, exit.
const main = async (): Promise<void> => {
  const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: urlVar() }));
  const ds = createServiceDataSource(DATABASE_URL);
  try {
    const applied = await runMigrations(ds);
    process.stdout.write(
      applied.length ? applied.map((name) => `applied ${name}\n`).join('') : 'gateway: no pending migrations\n',
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`gateway migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
