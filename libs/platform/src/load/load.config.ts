import { z } from 'zod';
import { intVar } from '../config/base-service.config';
import { loadConfig } from '../config/load-config';

type Env = Record<string, string | undefined>;

// How much work a process admits at once (docs/operations/load-shedding.md has the arithmetic).
// Every service reads these at bootstrap; the gateway also spreads them into its own schema so that
// they appear, validated, in its start-up line.
export const loadLimitsShape = {
  // Requests a process's HTTP server serves at once; past it the answer is 503 at once.
  HTTP_MAX_IN_FLIGHT: intVar({ min: 1, max: 100_000 }).default(128),
  // gRPC calls a service's handlers run at once. By default sixteen per database connection
  // (16 × DATABASE_POOL_SIZE = 160): above one gateway's HTTP_MAX_IN_FLIGHT (128), so a read burst
  // the gateway admitted is not refused again behind it (at 4 per connection a 50-connection read
  // benchmark saw 1% refused), yet few enough that an admitted call waits for a connection about
  // fifteen transactions long (≤ 150 ms for commands), never until the caller's deadline.
  GRPC_MAX_IN_FLIGHT: intVar({ min: 1, max: 100_000 }).optional(),
  // The Retry-After of a 503 or 429 that does not say otherwise.
  LOAD_RETRY_AFTER_SECONDS: intVar({ min: 1, max: 3600 }).default(1),
};

const loadLimitsSchema = z.object({
  ...loadLimitsShape,
  // Read only to size GRPC_MAX_IN_FLIGHT's default; validated (and documented) by the service's config.
  DATABASE_POOL_SIZE: intVar({ min: 1, max: 1000 }).default(10),
});

export const GRPC_IN_FLIGHT_PER_CONNECTION = 16;

export interface LoadLimits {
  httpMaxInFlight: number;
  grpcMaxInFlight: number;
  retryAfterSeconds: number;
}

export const loadLimitsFrom = (env: Env = process.env): LoadLimits => {
  const c = loadConfig(loadLimitsSchema, env);
  return {
    httpMaxInFlight: c.HTTP_MAX_IN_FLIGHT,
    grpcMaxInFlight: c.GRPC_MAX_IN_FLIGHT ?? GRPC_IN_FLIGHT_PER_CONNECTION * c.DATABASE_POOL_SIZE,
    retryAfterSeconds: c.LOAD_RETRY_AFTER_SECONDS,
  };
};
