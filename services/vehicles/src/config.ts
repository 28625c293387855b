import { withMessagingConfig } from '@ofm/messaging';
import { baseServiceConfig, intVar, loadConfig, portVar } from '@ofm/platform';
import type { z } from 'zod';

// The vehicles service's environment, validated at start (a bad value stops it, naming the variable).
export const vehiclesConfigSchema = withMessagingConfig(
  baseServiceConfig.extend({
    // DESIGN.md ports; every pod uses the same container ports.
    HTTP_PORT: portVar().default(9103),
    GRPC_PORT: portVar().default(50053),
    // DOMAIN.md: a lapse suspends the registration after a configurable grace period, default 0 days.
    INSURANCE_LAPSE_GRACE_DAYS: intVar({ min: 0, max: 365 }).default(0),
    // How often the lapse sweep runs; 0 turns the timer off (e.g. when an external scheduler calls it).
    INSURANCE_SWEEP_INTERVAL_MS: intVar({ min: 0 }).default(3_600_000),
  }),
);

export type VehiclesConfig = z.infer<typeof vehiclesConfigSchema>;

export const loadVehiclesConfig = (env: Record<string, string | undefined> = process.env): VehiclesConfig =>
  loadConfig(vehiclesConfigSchema, env);
