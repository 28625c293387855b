import type { ServiceEntry } from './service-entry';
import { SERVICES } from './services';

// Questions asked of the table. Each takes the table as an optional last argument so that tests
// (and generators) can ask them of another one.

/** The entry of a service; throws, listing the known names, for any other. */
export const service = (name: string, services: readonly ServiceEntry[] = SERVICES): ServiceEntry => {
  const entry = services.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown service "${name}": use ${services.map((s) => s.name).join(', ')}`);
  return entry;
};

/** The services that exist in code (services/<name>/): everything but the planned ones, in table order. */
export const writtenServices = (services: readonly ServiceEntry[] = SERVICES): readonly ServiceEntry[] =>
  services.filter((s) => !s.planned);

/** The one service that serves the public REST API (the gateway). */
export const publicApiService = (services: readonly ServiceEntry[] = SERVICES): ServiceEntry => {
  const found = services.filter((s) => s.publicApi);
  if (found.length !== 1) throw new Error(`expected one service with publicApi, found ${found.length}`);
  return found[0]!;
};

/** The consumer group of a service: ofm.<service>, exactly (DESIGN.md). */
export const consumerGroup = (name: string): string => `ofm.${name}`;

/** `vehicles` → `VEHICLES`, `law-enforcement` → `LAW_ENFORCEMENT`: the prefix of its environment variables. */
export const envPrefix = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The variable that holds a service's gRPC address for its callers, e.g. ACCREDITATION_GRPC_URL. */
export const grpcUrlVar = (name: string): string => `${envPrefix(name)}_GRPC_URL`;

/**
 * The local database URL of a service: its role, whose password is its name (LOCAL ONLY, as
 * deploy/local/databases.sql creates it), on `hostPort`.
 */
export const localDatabaseUrl = (entry: Pick<ServiceEntry, 'database'>, hostPort = '127.0.0.1:5432'): string =>
  `postgres://${entry.database}:${entry.database}@${hostPort}/${entry.database}`;

/** The written services whose consumer group reads `topic`. */
export const consumersOf = (topic: string, services: readonly ServiceEntry[] = SERVICES): readonly ServiceEntry[] =>
  writtenServices(services).filter((s) => s.consumes.includes(topic));

/** The written services that publish on `topic`. */
export const publishersOf = (topic: string, services: readonly ServiceEntry[] = SERVICES): readonly ServiceEntry[] =>
  writtenServices(services).filter((s) => s.publishes.includes(topic));

/** The service that serves a gRPC service (full name); throws when none does. */
export const serverOf = (grpcService: string, services: readonly ServiceEntry[] = SERVICES): ServiceEntry => {
  const servers = services.filter((s) => s.grpcServices.includes(grpcService));
  if (servers.length !== 1) {
    throw new Error(
      servers.length === 0
        ? `no service serves ${grpcService}`
        : `${grpcService} is served by ${servers.map((s) => s.name).join(' and ')}`,
    );
  }
  return servers[0]!;
};

/** The services a service calls over gRPC (the servers of its `calls`), each once, in table order. */
export const upstreamsOf = (name: string, services: readonly ServiceEntry[] = SERVICES): readonly ServiceEntry[] => {
  const names = new Set(service(name, services).calls.map((g) => serverOf(g, services).name));
  return services.filter((s) => names.has(s.name));
};

/**
 * The services in waves: each wave calls only services of the waves before it, so starting a wave
 * and waiting until it is ready before the next one starts every service after what it calls.
 * Table order within a wave. Throws on a cycle of calls.
 */
export const startWaves = (
  entries: readonly ServiceEntry[] = writtenServices(),
  services: readonly ServiceEntry[] = SERVICES,
): readonly (readonly ServiceEntry[])[] => {
  const waves: ServiceEntry[][] = [];
  const placed = new Set<string>();
  let left = [...entries];
  while (left.length > 0) {
    const wave = left.filter((s) =>
      upstreamsOf(s.name, services).every((u) => placed.has(u.name) || !entries.includes(u)),
    );
    if (wave.length === 0) throw new Error(`gRPC calls go round in a circle: ${left.map((s) => s.name).join(', ')}`);
    waves.push(wave);
    for (const s of wave) placed.add(s.name);
    left = left.filter((s) => !placed.has(s.name));
  }
  return waves;
};

/** startWaves, flattened: an order in which every service starts after the services it calls. */
export const startOrder = (
  entries: readonly ServiceEntry[] = writtenServices(),
  services: readonly ServiceEntry[] = SERVICES,
): readonly ServiceEntry[] => startWaves(entries, services).flat();
