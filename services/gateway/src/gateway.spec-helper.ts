import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { accreditation, checklist, licences, missions, reciprocity, tenure, travel, vehicles } from '@ofm/contracts';
import {
  ACTOR_MISSION_ID_KEY,
  ACTOR_ROLES_KEY,
  ACTOR_SUBJECT_KEY,
  configurePlatformApp,
  REQUEST_ID_KEY,
  type Actor,
  type Role,
} from '@ofm/platform';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { CallOptions } from 'nice-grpc';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { JoseTokenVerifier, TOKEN_VERIFIER } from './auth/token-verifier';
import { configureGateway } from './bootstrap';
import type { GatewayConfig } from './config';
import { Downstream } from './grpc/downstream';

// Test support shared by the gateway's unit tests (not a spec itself, not built into dist/): the
// real Nest app on Fastify with its real guard, interceptor, request binding, filters and controllers,
// a real ES256 key pair and issuer, and fakes in place of the database and the gRPC clients.

export const TEST_ISSUER = 'https://auth.ofm.local/test';
export const TEST_AUDIENCE = 'ofm-platform';

export const testConfig = (): GatewayConfig => ({
  nodeEnv: 'test',
  databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
  httpPort: 0,
  logLevel: 'silent',
  grpcUrls: { accreditation: '127.0.0.1:1', vehicles: '127.0.0.1:1' },
  grpcDeadlineMs: 1000,
  auth: { mode: 'dev', jwksPath: '/nonexistent/jwks.json', issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
  idempotency: { ttlHours: 24, inFlightSeconds: 60 },
});

export interface TestKeys {
  sign(
    claims: JWTPayload,
    options?: { issuer?: string; audience?: string; expiresIn?: string | number; alg?: 'ES256' },
  ): Promise<string>;
  verifier: JoseTokenVerifier;
}

export const createTestKeys = async (): Promise<TestKeys> => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' }] };
  return {
    verifier: new JoseTokenVerifier(createLocalJWKSet(jwks), TEST_ISSUER, TEST_AUDIENCE),
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(options.issuer ?? TEST_ISSUER)
        .setAudience(options.audience ?? TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey),
  };
};

// The fake services: one jest mock per method of each typed client of Downstream, named from the
// same generated service definitions the real clients are made from, so a method the gateway calls
// and the fake lacks cannot happen. Each is called as the real ones are: (request, { metadata }).
// Unless a test says otherwise a call rejects, so that an unexpected call fails the test loudly.
export type DownstreamCall = jest.Mock<Promise<any>, [request: any, options?: CallOptions]>;

type MethodsOf<D extends { methods: object }> = Record<keyof D['methods'] & string, DownstreamCall>;

export interface FakeDownstream {
  missions: MethodsOf<typeof missions.MissionServiceDefinition>;
  members: MethodsOf<typeof accreditation.MemberServiceDefinition>;
  vehicles: MethodsOf<typeof vehicles.VehicleServiceDefinition>;
  licences: MethodsOf<typeof licences.LicenceServiceDefinition>;
  reciprocity: MethodsOf<typeof reciprocity.ReciprocityServiceDefinition>;
  travel: MethodsOf<typeof travel.TravelServiceDefinition>;
  checklist: MethodsOf<typeof checklist.ChecklistServiceDefinition>;
  tenure: MethodsOf<typeof tenure.TenureServiceDefinition>;
}

const fakeClient = <D extends { methods: object }>(definition: D): MethodsOf<D> =>
  Object.fromEntries(
    Object.keys(definition.methods).map((name) => [
      name,
      jest
        .fn((_request: unknown, _options?: CallOptions) => Promise.reject(new Error(`unexpected call ${name}`)))
        .mockName(name),
    ]),
  ) as unknown as MethodsOf<D>;

export const fakeDownstream = (): FakeDownstream => ({
  missions: fakeClient(missions.MissionServiceDefinition),
  members: fakeClient(accreditation.MemberServiceDefinition),
  vehicles: fakeClient(vehicles.VehicleServiceDefinition),
  licences: fakeClient(licences.LicenceServiceDefinition),
  reciprocity: fakeClient(reciprocity.ReciprocityServiceDefinition),
  travel: fakeClient(travel.TravelServiceDefinition),
  checklist: fakeClient(checklist.ChecklistServiceDefinition),
  tenure: fakeClient(tenure.TenureServiceDefinition),
});

/**
 * The caller a call carried to the service, read from the gRPC metadata the gateway sent (the
 * x-ofm-actor-* headers a service reads), not from what the gateway meant to send.
 */
export const actorOf = (options: CallOptions | undefined): Actor | undefined => {
  const metadata = options?.metadata;
  const subject = metadata?.get(ACTOR_SUBJECT_KEY);
  if (typeof subject !== 'string') return undefined;
  const roles = String(metadata!.get(ACTOR_ROLES_KEY) ?? '')
    .split(',')
    .filter(Boolean) as Role[];
  const missionId = metadata!.get(ACTOR_MISSION_ID_KEY);
  return { subject, roles, ...(typeof missionId === 'string' ? { missionId } : {}) };
};

/** The x-ofm-request-id a call carried (set for a POST with Idempotency-Key). */
export const requestIdOf = (options: CallOptions | undefined): string | undefined => {
  const id = options?.metadata?.get(REQUEST_ID_KEY);
  return typeof id === 'string' ? id : undefined;
};

/** One call of a fake method (the last by default): the request sent and the caller it carried. */
export const callOf = (fn: DownstreamCall, index = -1): { request: any; actor: Actor | undefined } => {
  const call = fn.mock.calls.at(index);
  if (!call) throw new Error(`${fn.getMockName()} was not called`);
  return { request: call[0], actor: actorOf(call[1]) };
};

// The gateway's own database, faked: repositories record what is inserted (the verification
// audit); a test can make inserts fail. Raw queries (the idempotency store) fail: a unit test that
// sends Idempotency-Key gets the 503 of an unavailable store (the integration tests cover the store).
export interface FakeDatabase {
  dataSource: DataSource;
  // Every row inserted, with its entity's name, in order.
  inserted: { entity: string; row: Record<string, unknown> }[];
  rowsOf(entity: { name: string }): Record<string, unknown>[];
  // From now on every insert rejects with this error (undefined: inserts succeed again).
  failInserts(error: Error | undefined): void;
  reset(): void;
}

export const fakeDatabase = (): FakeDatabase => {
  let failure: Error | undefined;
  const inserted: FakeDatabase['inserted'] = [];
  const dataSource = {
    isInitialized: false,
    getRepository: (entity: { name: string }) => ({
      insert: async (row: Record<string, unknown>) => {
        if (failure) throw failure;
        inserted.push({ entity: entity.name, row });
        return { identifiers: [], generatedMaps: [], raw: [] };
      },
    }),
    query: () => Promise.reject(new Error('no database in unit tests')),
  } as unknown as DataSource;
  return {
    dataSource,
    inserted,
    rowsOf: (entity) => inserted.filter((i) => i.entity === entity.name).map((i) => i.row),
    failInserts: (error) => {
      failure = error;
    },
    reset: () => {
      failure = undefined;
      inserted.length = 0;
    },
  };
};

export interface TestGateway {
  app: NestFastifyApplication;
  keys: TestKeys;
  downstream: FakeDownstream;
  db: FakeDatabase;
  token(claims: JWTPayload): Promise<string>;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { token?: string; body?: unknown; payload?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: any }>;
  close(): Promise<void>;
}

// `dataSource`: a real database in place of the fake one (the integration tests of the idempotency
// store); `db` then records nothing.
export const startTestGateway = async (
  options: { dataSource?: DataSource; config?: Partial<GatewayConfig> } = {},
): Promise<TestGateway> => {
  const keys = await createTestKeys();
  const downstream = fakeDownstream();
  const db = fakeDatabase();
  const module = AppModule.forRoot(
    { ...testConfig(), ...options.config },
    {
      dataSource: options.dataSource ?? db.dataSource,
      providers: [
        { provide: TOKEN_VERIFIER, useValue: keys.verifier },
        { provide: Downstream, useValue: downstream },
      ],
    },
  );
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: false });
  configurePlatformApp(app);
  configureGateway(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    keys,
    downstream,
    db,
    token: (claims) => keys.sign(claims),
    request: async (method, url, o = {}) => {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let payload = o.payload;
      if (o.body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(o.body);
      }
      const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
      const type = String(res.headers['content-type'] ?? '');
      return {
        status: res.statusCode,
        headers: res.headers,
        body: type.includes('json') && res.body ? JSON.parse(res.body) : res.body,
      };
    },
    close: () => app.close(),
  };
};
