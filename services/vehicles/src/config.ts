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
    // At most a minute: a lapse must suspend the registration within a minute of the cover's end.
    INSURANCE_SWEEP_INTERVAL_MS: intVar({ min: 0, max: 60_000 }).default(30_000),
    // DOMAIN.md "Disposal": a terminated owner's vehicle must be disposed of within this many days of
    // the termination's effective date; past it the disposal-due flag is raised.
    DISPOSAL_DUE_DAYS: intVar({ min: 0, max: 365 }).default(30),
    // How often the disposal-overdue sweep runs; 0 turns the timer off.
    DISPOSAL_SWEEP_INTERVAL_MS: intVar({ min: 0 }).default(3_600_000),
    // DOMAIN.md: a DUI with a refused test suspends the licence up to a year; how long, from the offence.
    LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: intVar({ min: 1, max: 365 }).default(365),
    // How often the points-threshold flags are reviewed (cleared once violations age out of the window);
    // at most daily, so a flag outlives its points by no more than a day; 0 turns the timer off.
    LICENCE_POINTS_SWEEP_INTERVAL_MS: intVar({ min: 0, max: 86_400_000 }).default(3_600_000),
    // Insurer feeds (docs/domain/insurer-feeds.md): rows per batch, each batch one transaction with the
    // feed's progress (at most 2000: a batch's events go to the outbox in one statement of ≤ 65535
    // parameters); how often unfinished feeds are looked for (0: only when a feed is committed).
    INSURANCE_FEED_BATCH_ROWS: intVar({ min: 1, max: 2000 }).default(2000),
    INSURANCE_FEED_POLL_INTERVAL_MS: intVar({ min: 0 }).default(5_000),
    // An upload begun but never committed (a client that died) is deleted this many hours after it began.
    INSURANCE_FEED_UPLOAD_TTL_HOURS: intVar({ min: 1, max: 24 * 30 }).default(24),
  }),
);

export type VehiclesConfig = z.infer<typeof vehiclesConfigSchema>;

export const loadVehiclesConfig = (env: Record<string, string | undefined> = process.env): VehiclesConfig =>
  loadConfig(vehiclesConfigSchema, env);
