import { resolve } from 'node:path';
import { booleanVar, intVar, LOG_LEVELS, loadConfig, portVar, urlVar } from '@ofm/platform';
import { grpcUrlVar, service, upstreamsOf } from '@ofm/registry';
import { z } from 'zod';
import { gatewayLoadShape } from './load.config';
import { gatewayEdgeShape } from './http/edge.config';

// dist/ (and src/ under jest) sit two levels below the repository root.
export const REPO_ROOT = resolve(__dirname, '../../..');
export const DEFAULT_DEV_JWKS_PATH = resolve(REPO_ROOT, '.local/dev-auth/jwks.json');
export const DEV_ISSUER = 'https://auth.ofm.local/dev';
export const DEV_AUDIENCE = 'ofm-platform';

// The gateway's entry in the service registry (libs/registry): its port, and the services behind it —
// the servers of the gRPC services it calls — each at <SERVICE>_GRPC_URL, by default where
// deploy/local runs it.
export const GATEWAY = service('gateway');
export const UPSTREAMS = upstreamsOf(GATEWAY.name);
const upstreamUrls: Record<string, z.ZodDefault<z.ZodString>> = Object.fromEntries(
  UPSTREAMS.map((u) => [grpcUrlVar(u.name), z.string().default(`127.0.0.1:${u.grpcPort}`)]),
);

export const gatewayConfigSchema = z
  .object({
    ...upstreamUrls,
    NODE_ENV: z.string().default('development'),
    DATABASE_URL: urlVar(),
    HTTP_PORT: portVar().default(GATEWAY.httpPort),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    OTEL_EXPORTER_OTLP_ENDPOINT: urlVar().optional(),
    GRPC_DEADLINE_MS: intVar({ min: 100, max: 120_000 }).default(5000),
    AUTH_DEV_MODE: booleanVar().default(false),
    AUTH_DEV_JWKS_PATH: z.string().default(DEFAULT_DEV_JWKS_PATH),
    AUTH_JWKS_URL: urlVar().optional(),
    AUTH_ISSUER: z.string().optional(),
    AUTH_AUDIENCE: z.string().optional(),
    // How long a stored answer is replayed for the same Idempotency-Key.
    IDEMPOTENCY_TTL_HOURS: intVar({ min: 1, max: 24 * 30 }).default(24),
    // After this, an in-flight key whose request never finished (a crashed gateway) may be taken over.
    IDEMPOTENCY_IN_FLIGHT_SECONDS: intVar({ min: 5, max: 3600 }).default(60),
    ...gatewayLoadShape,
    ...gatewayEdgeShape,
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_DEV_MODE && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_DEV_MODE'],
        message: 'must not be true when NODE_ENV=production (development keys are not trusted in production)',
      });
    }
    if (!env.AUTH_DEV_MODE) {
      // Outside development mode nothing is assumed about the identity provider.
      for (const name of ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
        if (env[name] === undefined)
          ctx.addIssue({ code: 'custom', path: [name], message: 'required unless AUTH_DEV_MODE=true' });
      }
    }
  });

export type AuthSettings =
  | { mode: 'dev'; jwksPath: string; issuer: string; audience: string }
  | { mode: 'remote'; jwksUrl: string; issuer: string; audience: string };

export interface GatewayConfig {
  nodeEnv: string;
  databaseUrl: string;
  httpPort: number;
  logLevel: string;
  /** The gRPC address of each service behind the gateway, by service name (from <SERVICE>_GRPC_URL). */
  grpcUrls: Readonly<Record<string, string>>;
  grpcDeadlineMs: number;
  auth: AuthSettings;
  idempotency: { ttlHours: number; inFlightSeconds: number };
}

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig => {
  const c = loadConfig(gatewayConfigSchema, env);
  const auth: AuthSettings = c.AUTH_DEV_MODE
    ? {
        mode: 'dev',
        jwksPath: resolve(REPO_ROOT, c.AUTH_DEV_JWKS_PATH),
        issuer: c.AUTH_ISSUER ?? DEV_ISSUER,
        audience: c.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      }
    : { mode: 'remote', jwksUrl: c.AUTH_JWKS_URL!, issuer: c.AUTH_ISSUER!, audience: c.AUTH_AUDIENCE! };
  return {
    nodeEnv: c.NODE_ENV,
    databaseUrl: c.DATABASE_URL,
    httpPort: c.HTTP_PORT,
    logLevel: c.LOG_LEVEL,
    // Keys made from the registry: zod validates them (defaults included) but cannot type them.
    grpcUrls: Object.fromEntries(
      UPSTREAMS.map((u) => [u.name, String((c as Record<string, unknown>)[grpcUrlVar(u.name)])]),
    ),
    grpcDeadlineMs: c.GRPC_DEADLINE_MS,
    auth,
    idempotency: { ttlHours: c.IDEMPOTENCY_TTL_HOURS, inFlightSeconds: c.IDEMPOTENCY_IN_FLIGHT_SECONDS },
  };
};

// Nest injection token of the loaded configuration.
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
