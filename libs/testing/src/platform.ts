import { appendFileSync } from 'node:fs';
import { ALL_TOPICS, TOPICS } from '@ofm/contracts';
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
// history. Kept by hand until a service registry says it; a service missing here would replay.
export const CONSUMED_TOPICS: Record<'gateway' | 'accreditation' | 'vehicles', readonly string[]> = {
  gateway: [],
  accreditation: [],
  // services/vehicles/src/replica/accreditation-replica.handlers.ts
  vehicles: [TOPICS.member, TOPICS.mission],
};

export async function startPlatform(label: string): Promise<RunningPlatform> {
  await ensureTestTopics([...ALL_TOPICS]);
  const names = ['gateway', 'accreditation', 'vehicles'] as const;
  const databases: Record<string, TestDatabase> = {};
  for (const name of names) {
    databases[name] = await createTestDatabase(`${label}_${name}`);
    migrateService(name, databases[name].url);
  }
  const issuer = await createTestIssuer();
  const [accGrpc, accHttp, vehGrpc, vehHttp, gwHttp] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
  const brokers = testKafkaBrokers().join(',');
  // A consumer group of its own, so that a platform left running by `npm run up` on the same
  // broker does not share partitions with the one under test; it starts at the current end of what
  // the service consumes, so the broker's history (other runs, `npm run up`'s seed) is not replayed.
  const groupSuffix = uniqueName('e2e');
  const groups = {
    accreditation: `ofm.accreditation.${groupSuffix}`,
    vehicles: `ofm.vehicles.${groupSuffix}`,
  };
  for (const name of ['accreditation', 'vehicles'] as const) {
    await startGroupAtEnd(groups[name], CONSUMED_TOPICS[name]);
  }
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all(Object.values(databases).map((d) => d.drop()));
  };
  try {
    const accreditation = startService(
      'accreditation',
      {
        DATABASE_URL: databases.accreditation.url,
        KAFKA_BROKERS: brokers,
        GRPC_PORT: String(accGrpc),
        HTTP_PORT: String(accHttp),
        KAFKA_CONSUMER_GROUP: groups.accreditation,
      },
      `${label}-accreditation`,
    );
    services.push(accreditation);
    const vehicles = startService(
      'vehicles',
      {
        DATABASE_URL: databases.vehicles.url,
        KAFKA_BROKERS: brokers,
        GRPC_PORT: String(vehGrpc),
        HTTP_PORT: String(vehHttp),
        KAFKA_CONSUMER_GROUP: groups.vehicles,
      },
      `${label}-vehicles`,
    );
    services.push(vehicles);
    await waitForReady(accreditation, `http://127.0.0.1:${accHttp}`);
    await waitForReady(vehicles, `http://127.0.0.1:${vehHttp}`);
    const gateway = startService(
      'gateway',
      {
        DATABASE_URL: databases.gateway.url,
        KAFKA_BROKERS: brokers,
        HTTP_PORT: String(gwHttp),
        ACCREDITATION_GRPC_URL: `127.0.0.1:${accGrpc}`,
        VEHICLES_GRPC_URL: `127.0.0.1:${vehGrpc}`,
        AUTH_DEV_MODE: 'true',
        AUTH_DEV_JWKS_PATH: issuer.jwksPath,
        AUTH_ISSUER: issuer.issuer,
        AUTH_AUDIENCE: issuer.audience,
      },
      `${label}-gateway`,
    );
    services.push(gateway);
    const baseUrl = `http://127.0.0.1:${gwHttp}`;
    await waitForReady(gateway, baseUrl);
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
