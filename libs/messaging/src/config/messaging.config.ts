import { intVar } from '@ofm/platform';
import { z } from 'zod';

export const DEFAULT_OUTBOX_RETENTION_DAYS = 7;
export const DEFAULT_INBOX_RETENTION_DAYS = 14;
// Kafka's own default (log.retention.hours = 168); our topics are created without an override.
export const DEFAULT_KAFKA_TOPIC_RETENTION_DAYS = 7;

// The variables of MessagingModule, added to a service's schema by withMessagingConfig.
export const messagingConfigShape = {
  // A consumer group of its own for test platforms sharing a broker; otherwise exactly ofm.<service>.
  KAFKA_CONSUMER_GROUP: z.string().optional(),
  // Published outbox rows are kept this long (to look at what went out), then deleted.
  OUTBOX_RETENTION_DAYS: intVar({ min: 1, max: 365 }).default(DEFAULT_OUTBOX_RETENTION_DAYS),
  // The inbox remembers an applied event id this long. At least KAFKA_TOPIC_RETENTION_DAYS: a replay
  // from Kafka (a new or reset consumer group, offsets lost) delivers everything the topics still hold,
  // and each of those events must find its id, or its effect happens a second time.
  INBOX_RETENTION_DAYS: intVar({ min: 1, max: 3650 }).default(DEFAULT_INBOX_RETENTION_DAYS),
  // How long the brokers keep the topics this service consumes (retention.ms), as deployed.
  KAFKA_TOPIC_RETENTION_DAYS: intVar({ min: 1, max: 3650 }).default(DEFAULT_KAFKA_TOPIC_RETENTION_DAYS),
};

export interface MessagingConfig {
  KAFKA_BROKERS: string[];
  KAFKA_CONSUMER_GROUP?: string | undefined;
  OUTBOX_RETENTION_DAYS: number;
  INBOX_RETENTION_DAYS: number;
  KAFKA_TOPIC_RETENTION_DAYS: number;
}

type RetentionSettings = Pick<MessagingConfig, 'INBOX_RETENTION_DAYS' | 'KAFKA_TOPIC_RETENTION_DAYS'>;

/**
 * What is wrong with the retention settings, by variable. The problem is put on a variable the
 * environment set (the inbox one unless it has its default, which then means the topic one was raised
 * above it), so loadConfig names it instead of calling a defaulted variable "required".
 */
export const messagingConfigProblems = (config: RetentionSettings): { variable: string; message: string }[] => {
  const inbox = config.INBOX_RETENTION_DAYS;
  const topics = config.KAFKA_TOPIC_RETENTION_DAYS;
  if (inbox >= topics) return [];
  return inbox !== DEFAULT_INBOX_RETENTION_DAYS
    ? [
        {
          variable: 'INBOX_RETENTION_DAYS',
          message: `must be at least KAFKA_TOPIC_RETENTION_DAYS (${topics}): an event replayed from Kafka must still find its id in the inbox`,
        },
      ]
    : [
        {
          variable: 'KAFKA_TOPIC_RETENTION_DAYS',
          message: `must not exceed INBOX_RETENTION_DAYS (${inbox}): an event replayed from Kafka must still find its id in the inbox`,
        },
      ];
};

/** `withMessagingConfig(baseServiceConfig.extend({ … }))`: the service's schema with MessagingModule's variables, checked together. */
export const withMessagingConfig = <Shape extends z.core.$ZodShape>(schema: z.ZodObject<Shape>) =>
  schema.extend(messagingConfigShape).superRefine((config, ctx) => {
    for (const problem of messagingConfigProblems(config as unknown as RetentionSettings)) {
      ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
    }
  });
