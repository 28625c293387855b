import type { Command } from 'commander';
import {
  grpcUrlVar,
  localDatabaseUrl,
  service,
  SERVICES,
  startOrder,
  upstreamsOf,
  type ServiceEntry,
} from '@ofm/registry';
import { findRepoRoot } from '../repo-root';
import { checkGeneratedFiles, writeGeneratedFiles } from './generated-files';
import { markdownTable } from './readme-table';

export const REGISTRY_FORMATS = ['table', 'tsv', 'json', 'env'] as const;
type Format = (typeof REGISTRY_FORMATS)[number];

/**
 * One line per written service, in start order (each after the services it calls), tab-separated:
 * name, gRPC port or -, HTTP port, database (= role), public API yes|no, upstreams (comma-separated or -).
 * What deploy/local/services.sh reads.
 */
export const registryTsv = (
  entries: readonly ServiceEntry[] = startOrder(),
  services: readonly ServiceEntry[] = SERVICES,
): string =>
  entries
    .map((s) =>
      [
        s.name,
        s.grpcPort ?? '-',
        s.httpPort,
        s.database,
        s.publicApi ? 'yes' : 'no',
        upstreamsOf(s.name, services)
          .map((u) => u.name)
          .join(',') || '-',
      ].join('\t'),
    )
    .map((line) => `${line}\n`)
    .join('');

/** The environment the registry gives a service on this machine: database, ports, the services it calls. */
export const localEnv = (name: string, services: readonly ServiceEntry[] = SERVICES): Record<string, string> => {
  const s = service(name, services);
  return {
    DATABASE_URL: localDatabaseUrl(s),
    HTTP_PORT: String(s.httpPort),
    ...(s.grpcPort === null ? {} : { GRPC_PORT: String(s.grpcPort) }),
    ...Object.fromEntries(upstreamsOf(name, services).map((u) => [grpcUrlVar(u.name), `127.0.0.1:${u.grpcPort}`])),
  };
};

export const registryTable = (services: readonly ServiceEntry[] = SERVICES): string =>
  markdownTable(
    ['service', 'gRPC', 'HTTP', 'database / role', 'publishes', 'consumes (group ofm.<service>)', 'serves'],
    services.map((s) => [
      s.planned ? `${s.name} (planned)` : s.name,
      s.grpcPort === null ? '-' : String(s.grpcPort),
      String(s.httpPort),
      s.database,
      s.publishes.join(', ') || '-',
      s.consumes.join(', ') || '-',
      [...s.grpcServices, ...(s.publicApi ? ['REST API'] : [])].join(', ') || '-',
    ]),
  ) + '\n';

export const renderRegistry = (format: Format, name?: string): string => {
  if (format === 'env') {
    if (!name) throw new Error('--format env needs --service <name>');
    return Object.entries(localEnv(name))
      .map(([k, v]) => `${k}=${v}\n`)
      .join('');
  }
  const services = name ? [service(name)] : SERVICES;
  if (format === 'tsv') return registryTsv(name ? services : startOrder());
  if (format === 'json') return `${JSON.stringify(name ? services[0] : services, null, 2)}\n`;
  return registryTable(services);
};

export const registerRegistryCommand = (program: Command): void => {
  const registry = program
    .command('registry')
    .description('the service registry (libs/registry): every service, its ports, database, topics and gRPC services')
    .option('--format <format>', `${REGISTRY_FORMATS.join(' | ')}`, 'table')
    .option('--service <name>', 'only this service (needed by --format env)')
    .action((opts: { format: string; service?: string }) => {
      if (!(REGISTRY_FORMATS as readonly string[]).includes(opts.format)) {
        throw new Error(`unknown format "${opts.format}": use ${REGISTRY_FORMATS.join(', ')}`);
      }
      process.stdout.write(renderRegistry(opts.format as Format, opts.service));
    });
  registry
    .command('generate')
    .description('rewrite the files made from the registry (databases.sql, compose.yaml, the README table)')
    .option('--check', 'write nothing; exit 1 when a file differs from what the registry makes of it')
    .action((opts: { check?: boolean }) => {
      const root = findRepoRoot();
      if (opts.check) {
        const stale = checkGeneratedFiles(root).filter((f) => !f.upToDate);
        for (const f of stale)
          process.stderr.write(`ofm: ${f.path} differs from the registry: run npx ofm registry generate\n`);
        if (stale.length > 0) process.exitCode = 1;
        return;
      }
      const written = writeGeneratedFiles(root);
      process.stdout.write(
        written.length ? written.map((p) => `  wrote ${p}\n`).join('') : 'every generated file is up to date\n',
      );
    });
};
