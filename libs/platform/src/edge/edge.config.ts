import { z } from 'zod';
import { intVar } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';

// The limits of a service's HTTP port (docs/operations/edge-limits.md). Every service reads the same
// variables with the same defaults; the gateway adds its own (per-route body limits) beside them.
export const edgeConfigShape = {
  // The request line and headers must have arrived within this, or the answer is 408.
  HTTP_HEADERS_TIMEOUT_MS: intVar({ min: 100, max: 600_000 }).default(30_000),
  // The whole request (headers and body) must have arrived within this, or the answer is 408.
  HTTP_REQUEST_TIMEOUT_MS: intVar({ min: 100, max: 600_000 }).default(30_000),
  // A request not answered within this (from routing to the last byte of the answer) is answered 503.
  HTTP_HANDLER_TIMEOUT_MS: intVar({ min: 100, max: 600_000 }).default(30_000),
  // A socket on which nothing moves for this long is closed (a client that never reads its answer).
  HTTP_IDLE_TIMEOUT_MS: intVar({ min: 1_000, max: 3_600_000 }).default(60_000),
  // How long an idle keep-alive connection is kept between requests. Above the 60 s idle timeout of
  // common load balancers, so that they, not we, close the connections they pool (as Fastify's 72 s).
  HTTP_KEEP_ALIVE_TIMEOUT_MS: intVar({ min: 1_000, max: 600_000 }).default(72_000),
  // After this many requests a keep-alive connection is closed (0: no limit), spreading long-lived
  // clients over the replicas again.
  HTTP_MAX_REQUESTS_PER_SOCKET: intVar({ min: 0, max: 1_000_000 }).default(1_000),
  // Open connections served at once; a request on a connection beyond them is answered 503 and the
  // connection closed. Below the process's file descriptor limit.
  HTTP_MAX_CONNECTIONS: intVar({ min: 1, max: 1_000_000 }).default(4_096),
  // Request line and headers together; larger is answered 431.
  HTTP_MAX_HEADER_BYTES: intVar({ min: 1_024, max: 1_048_576 }).default(16_384),
  // A request body larger than this is answered 413, unless its route states its own limit.
  HTTP_BODY_LIMIT_BYTES: intVar({ min: 1_024, max: 1_073_741_824 }).default(65_536),
  // JSON bodies: nesting deeper than this, or an array longer than this, is answered 400.
  HTTP_JSON_MAX_DEPTH: intVar({ min: 2, max: 1_000 }).default(32),
  HTTP_JSON_MAX_ARRAY_LENGTH: intVar({ min: 1, max: 1_000_000 }).default(1_000),
};

type EdgeEnv = z.infer<z.ZodObject<typeof edgeConfigShape>>;

// Node refuses a headers timeout longer than the request timeout, and a handler timeout longer
// than the idle timeout would let the socket close under a request that is still being answered.
export const refineEdgeConfig = (env: EdgeEnv, ctx: z.RefinementCtx): void => {
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must be <= HTTP_REQUEST_TIMEOUT_MS' });
  }
  if (env.HTTP_HANDLER_TIMEOUT_MS > env.HTTP_IDLE_TIMEOUT_MS) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_HANDLER_TIMEOUT_MS'], message: 'must be <= HTTP_IDLE_TIMEOUT_MS' });
  }
};

export const edgeConfigSchema = z.object(edgeConfigShape).superRefine(refineEdgeConfig);

export interface JsonLimits {
  maxDepth: number;
  maxArrayLength: number;
}

export interface EdgeSettings {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  handlerTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxRequestsPerSocket: number;
  maxConnections: number;
  maxHeaderBytes: number;
  bodyLimitBytes: number;
  json: JsonLimits;
}

export const edgeSettingsOf = (env: EdgeEnv): EdgeSettings => ({
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  handlerTimeoutMs: env.HTTP_HANDLER_TIMEOUT_MS,
  idleTimeoutMs: env.HTTP_IDLE_TIMEOUT_MS,
  keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  maxRequestsPerSocket: env.HTTP_MAX_REQUESTS_PER_SOCKET,
  maxConnections: env.HTTP_MAX_CONNECTIONS,
  maxHeaderBytes: env.HTTP_MAX_HEADER_BYTES,
  bodyLimitBytes: env.HTTP_BODY_LIMIT_BYTES,
  json: { maxDepth: env.HTTP_JSON_MAX_DEPTH, maxArrayLength: env.HTTP_JSON_MAX_ARRAY_LENGTH },
});

// For a service whose own schema does not carry the edge variables: the same ones, validated alike.
export const loadEdgeSettings = (env: Record<string, string | undefined> = process.env): EdgeSettings =>
  edgeSettingsOf(loadConfig(edgeConfigSchema, env));
