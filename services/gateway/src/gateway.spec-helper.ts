import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { configurePlatformApp } from '@ofm/platform';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { JoseTokenVerifier, TOKEN_VERIFIER } from './auth/token-verifier';
import { configureGateway } from './bootstrap';
import type { GatewayConfig } from './config';
import { Downstream } from './grpc/downstream';

// Test support shared by the gateway's unit tests (not a spec itself, not built into dist/): the
// real Nest app on Fastify with its real guard, pipes, filters and controllers, a real ES256 key
// pair and issuer, and jest doubles in place of the database and the gRPC services.

export const TEST_ISSUER = 'https://auth.ofm.local/test';
export const TEST_AUDIENCE = 'ofm-platform';

export const testConfig = (): GatewayConfig => ({
  nodeEnv: 'test',
  databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
  httpPort: 0,
  logLevel: 'silent',
  accreditationGrpcUrl: '127.0.0.1:1',
  vehiclesGrpcUrl: '127.0.0.1:1',
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

type Fn = jest.Mock<Promise<unknown>, [unknown, unknown?]>;
export interface FakeDownstream {
  missions: Record<'registerMission' | 'getMission' | 'listMissions', Fn>;
  members: Record<
    | 'notifyAppointment'
    | 'getMember'
    | 'listMembers'
    | 'accreditMember'
    | 'terminateMember'
    | 'verifyIdCard'
    | 'verifyMember',
    Fn
  >;
  vehicles: Record<
    'registerVehicle' | 'getVehicle' | 'listVehicles' | 'addInsurancePolicy' | 'listInsurancePolicies' | 'verifyPlate',
    Fn
  >;
}

const fns = <K extends string>(names: K[]): Record<K, Fn> =>
  Object.fromEntries(
    names.map((n) => [n, jest.fn(() => Promise.reject(new Error(`unexpected call ${n}`)))]),
  ) as unknown as Record<K, Fn>;

export const fakeDownstream = (): FakeDownstream => ({
  missions: fns(['registerMission', 'getMission', 'listMissions']),
  members: fns([
    'notifyAppointment',
    'getMember',
    'listMembers',
    'accreditMember',
    'terminateMember',
    'verifyIdCard',
    'verifyMember',
  ]),
  vehicles: fns([
    'registerVehicle',
    'getVehicle',
    'listVehicles',
    'addInsurancePolicy',
    'listInsurancePolicies',
    'verifyPlate',
  ]),
});

export interface TestGateway {
  app: NestFastifyApplication;
  keys: TestKeys;
  downstream: FakeDownstream;
  token(claims: JWTPayload): Promise<string>;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { token?: string; body?: unknown; payload?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: any }>;
  close(): Promise<void>;
}

export const startTestGateway = async (
  options: { dataSource?: Partial<DataSource>; config?: Partial<GatewayConfig> } = {},
): Promise<TestGateway> => {
  const keys = await createTestKeys();
  const downstream = fakeDownstream();
  const module = AppModule.forRoot(
    { ...testConfig(), ...options.config },
    {
      providers: [
        { provide: TOKEN_VERIFIER, useValue: keys.verifier },
        { provide: DataSource, useValue: options.dataSource ?? { isInitialized: false } },
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
