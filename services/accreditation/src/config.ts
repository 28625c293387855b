import { withMessagingConfig } from '@ofm/messaging';
import { baseServiceConfig, intVar, loadConfig, portVar } from '@ofm/platform';
import { z } from 'zod';
import { DEFAULT_ID_CARD_VALIDITY_YEARS } from './member/id-card.rules';
import { DEFAULT_RECERTIFICATION_CYCLE_DAYS } from './mission/recertification-due.rules';
import { DEFAULT_TENURE_LIMIT_YEARS, parseTenureLimits } from './tenure/tenure-limits';

// "administrative-technical=5,service-staff=5" → { 'administrative-technical': 5, 'service-staff': 5 }.
const tenureLimitsVar = () =>
  z
    .string()
    .default(DEFAULT_TENURE_LIMIT_YEARS)
    .transform((text, ctx) => {
      const parsed = parseTenureLimits(text);
      if (parsed.ok) return parsed.limits;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    });

// The accreditation service's environment, validated at start (a bad value stops it, naming the variable).
export const accreditationConfigSchema = withMessagingConfig(
  baseServiceConfig.extend({
    // DESIGN.md ports; every pod uses the same container ports.
    HTTP_PORT: portVar().default(9101),
    GRPC_PORT: portVar().default(50051),
    // Upper bound of an ID card's validity when no expected departure ends it sooner.
    ID_CARD_VALIDITY_YEARS: intVar({ min: 1, max: 10 }).default(DEFAULT_ID_CARD_VALIDITY_YEARS),
    // Time in the U.S. allowed per member category before the long-tenure flag (DOMAIN.md).
    TENURE_LIMIT_YEARS: tenureLimitsVar(),
    // How often the tenure and recertification sweep runs on one replica; 0: only when called.
    TENURE_SWEEP_INTERVAL_MS: intVar({ min: 0 }).default(3_600_000),
    // Days between two confirmations of a mission's staff list.
    RECERTIFICATION_CYCLE_DAYS: intVar({ min: 1, max: 3650 }).default(DEFAULT_RECERTIFICATION_CYCLE_DAYS),
    // How often the termination checklist sweep (overdue documents, immunity-ended notices) runs; 0: only when called.
    CHECKLIST_SWEEP_INTERVAL_MS: intVar({ min: 0 }).default(3_600_000),
  }),
);

export type AccreditationConfig = z.infer<typeof accreditationConfigSchema>;

export const loadAccreditationConfig = (env: Record<string, string | undefined> = process.env): AccreditationConfig =>
  loadConfig(accreditationConfigSchema, env);
