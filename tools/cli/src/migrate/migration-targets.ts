import { join } from 'node:path';
import { envPrefix, localDatabaseUrl, service, writtenServices } from '@ofm/registry';

/** The services with migrations: every written service of the registry, in its order. */
export const MIGRATED_SERVICES: readonly string[] = writtenServices().map((s) => s.name);

export interface MigrationTarget {
  service: string;
  script: string;
  databaseUrl: string;
}

// Each service owns its database and role; OFM_<SVC>_DATABASE_URL overrides the local default.
export const databaseUrlFor = (name: string, env: NodeJS.ProcessEnv = process.env): string =>
  env[`OFM_${envPrefix(name)}_DATABASE_URL`] ?? localDatabaseUrl(service(name));

export const migrationTargets = (
  repoRoot: string,
  only?: string,
  env: NodeJS.ProcessEnv = process.env,
): MigrationTarget[] => {
  if (only !== undefined && !MIGRATED_SERVICES.includes(only)) {
    throw new Error(`unknown service "${only}": use ${MIGRATED_SERVICES.join(', ')}`);
  }
  return MIGRATED_SERVICES.filter((s) => only === undefined || s === only).map((name) => ({
    service: name,
    script: join(repoRoot, 'services', name, 'dist', 'migrate.js'),
    databaseUrl: databaseUrlFor(name, env),
  }));
};
