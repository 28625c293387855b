import {
  edgeConfigShape,
  edgeSettingsOf,
  intVar,
  loadConfig,
  refineEdgeConfig,
  type EdgeSettings,
} from '@ofm/platform';
import { z } from 'zod';

// The gateway's edge (docs/operations/edge-limits.md): the platform's HTTP timeouts and limits, which
// bootstrapService reads for every service, and the body limit of the routes that take CSV. Spread
// into gatewayConfigSchema, so a bad value stops the gateway at start naming the variable.
export const gatewayEdgeShape = {
  ...edgeConfigShape,
  // Routes whose body is text/csv (a feed of many rows) take more than a JSON command.
  HTTP_CSV_BODY_LIMIT_BYTES: intVar({ min: 1_024, max: 1_073_741_824 }).default(8_388_608),
};

export interface GatewayEdgeSettings extends EdgeSettings {
  csvBodyLimitBytes: number;
}

export const gatewayEdgeSettings = (env: Record<string, string | undefined> = process.env): GatewayEdgeSettings => {
  const c = loadConfig(z.object(gatewayEdgeShape).superRefine(refineEdgeConfig), env);
  return { ...edgeSettingsOf(c), csvBodyLimitBytes: c.HTTP_CSV_BODY_LIMIT_BYTES };
};
