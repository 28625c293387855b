import { appendFileSync } from 'node:fs';
import { ALL_TOPICS } from '@ofm/contracts';
import {
  consumerGroup,
  grpcUrlVar,
  publicApiService,
  startWaves,
  upstreamsOf,
  writtenServices,
  type ServiceEntry,
} from '@ofm/registry';
import { createTestIssuer, type TestIssuer } from './auth';
import { createTestDatabase, uniqueName, type TestDatabase } from './database';
import { ensureTestTopics, startGroupAtEnd, testKafkaBrokers } from './kafka';
import { freePort } from './ports';
import { migrateService, startService, waitForReady, type ServiceProcess } from './service-process';

// The platform as a test runs it: the real built services, each on its own fresh database,
// the shared real Kafka broker, and a gateway that trusts a test issuer's keys.
export interface RunningPlatform {
  baseUrl: string;
  databases: Record<string, TestDatabase>;
  issuer: TestIssuer;
  stop(): Promise<void>;
}

// The topics each service's consumer group reads (the `consumers` it gives startMessaging), so that
// a test platform's fresh groups start at the end of the shared topics instead of replaying their
// history: the `consumes` of the service registry (libs/registry), by service name.
export const CONSUMED_TOPICS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  writtenServices().map((s) => [s.name, s.consumes]),
);

export interface PlatformServiceContext {
  databaseUrl: string;
  brokers: string;
  /** The ports a test platform gave each service (grpc for those that serve gRPC). */
  ports: ReadonlyMap<string, { http: number; grpc?: number }>;
  group: string;
  issuer: Pick<TestIssuer, 'jwksPath' | 'issuer' | 'audience'>;
}

/**
 * The environment of one service of a test platform: what deploy/local/services.sh gives it, on the
 * test's own database, ports and consumer group, and, for the public API, trusting the test issuer.
 */
export const platformServiceEnv = (s: ServiceEntry, ctx: PlatformServiceContext): Record<string, string> => {
  const own = ctx.ports.get(s.name)!;
  return {
    DATABASE_URL: ctx.databaseUrl,
    KAFKA_BROKERS: ctx.brokers,
    HTTP_PORT: String(own.http),
    ...(own.grpc === undefined ? {} : { GRPC_PORT: String(own.grpc) }),
    KAFKA_CONSUMER_GROUP: ctx.group,
    ...Object.fromEntries(
      upstreamsOf(s.name).map((u) => [grpcUrlVar(u.name), `127.0.0.1:${ctx.ports.get(u.name)!.grpc}`]),
    ),
    ...(s.publicApi
      ? {
          AUTH_DEV_MODE: 'true',
          AUTH_DEV_JWKS_PATH: ctx.issuer.jwksPath,
          AUTH_ISSUER: ctx.issuer.issuer,
          AUTH_AUDIENCE: ctx.issuer.audience,
          // Benchmarks send thousands of requests with one token: no per-caller budget unless a test sets one.
          RATE_LIMIT_PER_CALLER: process.env.RATE_LIMIT_PER_CALLER ?? '0',
        }
      : {}),
  };
};

/**
 * Starts every written service of the service registry, each after the services it calls; `env` is
 * added to every service's environment (e.g. short HTTP timeouts for a test of them).
 */
export async function startPlatform(
  label: string,
  options: { env?: Record<string, string> } = {},
): Promise<RunningPlatform> {
  await ensureTestTopics([...ALL_TOPICS]);
  const entries = writtenServices();
  const databases: Record<string, TestDatabase> = {};
  for (const { name } of entries) {
    databases[name] = await createTestDatabase(`${label}_${name}`);
    migrateService(name, databases[name].url);
  }
  const issuer = await createTestIssuer();
  const taken = new Set<number>();
  const port = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  const ports = new Map<string, { http: number; grpc?: number }>();
  for (const s of entries) {
    ports.set(s.name, { http: await port(), ...(s.grpcPort === null ? {} : { grpc: await port() }) });
  }
  const brokers = testKafkaBrokers().join(',');
  // A consumer group of its own, so that a platform left running by `npm run up` on the same
  // broker does not share partitions with the one under test; it starts at the current end of what
  // the service consumes, so the broker's history (other runs, `npm run up`'s seed) is not replayed.
  const groupSuffix = uniqueName('e2e');
  const groupOf = (name: string) => `${consumerGroup(name)}.${groupSuffix}`;
  for (const s of entries) {
    if (s.consumes.length > 0) await startGroupAtEnd(groupOf(s.name), s.consumes);
  }
  const envOf = (s: ServiceEntry) => ({
    ...platformServiceEnv(s, {
      databaseUrl: databases[s.name]!.url,
      brokers,
      ports,
      group: groupOf(s.name),
      issuer,
    }),
    ...options.env,
  });
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all(Object.values(databases).map((d) => d.drop()));
  };
  try {
    // Wave by wave: a service starts once the services it calls are ready.
    for (const wave of startWaves(entries)) {
      const started = wave.map((s) => {
        const proc = startService(s.name, envOf(s), `${label}-${s.name}`);
        services.push(proc);
        return { s, proc };
      });
      for (const { s, proc } of started) {
        await waitForReady(proc, `http://127.0.0.1:${ports.get(s.name)!.http}`);
      }
    }
    const baseUrl = `http://127.0.0.1:${ports.get(publicApiService().name)!.http}`;
    return { baseUrl, issuer, databases, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A small JSON client over fetch that keeps the status, headers and body of each answer. */
export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  recordAnswer(method, path, response.status);
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

// With OFM_API_ANSWERS set (scripts/test.sh sets it), every answer of the suite is appended there,
// so that a check after the e2e tier can prove each status is one the OpenAPI document declares.
const recordAnswer = (method: string, path: string, status: number): void => {
  const file = process.env.OFM_API_ANSWERS;
  if (file && path.startsWith('/api/v1/')) appendFileSync(file, `${JSON.stringify({ method, path, status })}\n`);
};
