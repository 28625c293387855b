import { intVar, loadConfig, loadLimitsShape } from '@ofm/platform';
import { z } from 'zod';

type Env = Record<string, string | undefined>;

// The gateway's share of load shedding (docs/operations/load-shedding.md): how many requests it
// serves at once (the platform's HTTP_MAX_IN_FLIGHT, read by configurePlatformApp) and how many
// each caller may send per window. Spread into gatewayConfigSchema, so a bad value stops the
// gateway at start with the rest of its configuration, naming the variable.
export const gatewayLoadShape = {
  HTTP_MAX_IN_FLIGHT: loadLimitsShape.HTTP_MAX_IN_FLIGHT,
  LOAD_RETRY_AFTER_SECONDS: loadLimitsShape.LOAD_RETRY_AFTER_SECONDS,
  // Requests per window of one caller (the verified token's subject); 0 turns the limit off.
  RATE_LIMIT_PER_CALLER: intVar({ min: 0, max: 10_000_000 }).default(6000),
  // Requests per window from one client address without a valid token (401s, public routes).
  RATE_LIMIT_PER_ADDRESS: intVar({ min: 0, max: 10_000_000 }).default(600),
  RATE_LIMIT_WINDOW_SECONDS: intVar({ min: 1, max: 86_400 }).default(60),
};

export interface RateLimitSettings {
  perCaller: number;
  perAddress: number;
  windowSeconds: number;
}

export const rateLimitSettingsFrom = (env: Env = process.env): RateLimitSettings => {
  const c = loadConfig(z.object(gatewayLoadShape), env);
  return {
    perCaller: c.RATE_LIMIT_PER_CALLER,
    perAddress: c.RATE_LIMIT_PER_ADDRESS,
    windowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
  };
};
