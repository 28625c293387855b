import { withMessagingConfig } from '@ofm/messaging';
import { baseServiceConfig, intVar, loadConfig, portVar } from '@ofm/platform';
import type { z } from 'zod';
import { DEFAULT_ID_CARD_VALIDITY_YEARS } from './member/id-card.rules';

// The accreditation service's environment, validated at start (a bad value stops it, naming the variable).
export const accreditationConfigSchema = withMessagingConfig(
  baseServiceConfig.extend({
    // DESIGN.md ports; every pod uses the same container ports.
    HTTP_PORT: portVar().default(9101),
    GRPC_PORT: portVar().default(50051),
    // Upper bound of an ID card's validity when no expected departure ends it sooner.
    ID_CARD_VALIDITY_YEARS: intVar({ min: 1, max: 10 }).default(DEFAULT_ID_CARD_VALIDITY_YEARS),
  }),
);

export type AccreditationConfig = z.infer<typeof accreditationConfigSchema>;

export const loadAccreditationConfig = (env: Record<string, string | undefined> = process.env): AccreditationConfig =>
  loadConfig(accreditationConfigSchema, env);
