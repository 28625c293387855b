import { join } from 'node:path';

export const MIGRATED_SERVICES = ['gateway', 'accreditation', 'vehicles'] as const;
export type MigratedService = (typeof MIGRATED_SERVICES)[number];

export interface MigrationTarget {
  service: MigratedService;
  script: string;
  databaseUrl: string;
}

// Each service owns its database and role; OFM_<SVC>_DATABASE_URL overrides the local default.
export const databaseUrlFor = (service: string, env: NodeJS.ProcessEnv = process.env): string =>
  env[`OFM_${service.toUpperCase()}_DATABASE_URL`] ??
  `postgres://ofm_${service}:ofm_${service}@127.0.0.1:5432/ofm_${service}`;

export const migrationTargets = (
  repoRoot: string,
  only?: string,
  env: NodeJS.ProcessEnv = process.env,
): MigrationTarget[] => {
  if (only !== undefined && !(MIGRATED_SERVICES as readonly string[]).includes(only)) {
    throw new Error(`unknown service "${only}": use ${MIGRATED_SERVICES.join(', ')}`);
  }
  return MIGRATED_SERVICES.filter((s) => only === undefined || s === only).map((service) => ({
    service,
    script: join(repoRoot, 'services', service, 'dist', 'migrate.js'),
    databaseUrl: databaseUrlFor(service, env),
  }));
};
