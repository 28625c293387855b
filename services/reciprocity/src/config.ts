import { withMessagingConfig } from '@ofm/messaging';
import { baseServiceConfig, loadConfig, portVar } from '@ofm/platform';
import type { z } from 'zod';

// The reciprocity service's environment, validated at start (a bad value stops it, naming the variable).
export const reciprocityConfigSchema = withMessagingConfig(
  baseServiceConfig.extend({
    // The registry's ports (libs/registry); every pod uses the same container ports.
    HTTP_PORT: portVar().default(9102),
    GRPC_PORT: portVar().default(50052),
  }),
);

export type ReciprocityConfig = z.infer<typeof reciprocityConfigSchema>;

export const loadReciprocityConfig = (env: Record<string, string | undefined> = process.env): ReciprocityConfig =>
  loadConfig(reciprocityConfigSchema, env);
