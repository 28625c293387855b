import { withMessagingConfig } from '@ofm/messaging';
import { baseServiceConfig, loadConfig, portVar } from '@ofm/platform';
import type { z } from 'zod';

// The insights service's environment, validated at start (a bad value stops it, naming the variable).
export const insightsConfigSchema = withMessagingConfig(
  baseServiceConfig.extend({
    // The registry's ports (libs/registry); every pod uses the same container ports.
    HTTP_PORT: portVar().default(9108),
    GRPC_PORT: portVar().default(50058),
  }),
);

export type InsightsConfig = z.infer<typeof insightsConfigSchema>;

export const loadInsightsConfig = (env: Record<string, string | undefined> = process.env): InsightsConfig =>
  loadConfig(insightsConfigSchema, env);
