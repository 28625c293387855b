import { z } from 'zod';

// Reusable variable types, so that every service words its configuration errors the same way.
export const intVar = (options: { min?: number; max?: number } = {}) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: 'expected an integer' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(options.min ?? Number.MIN_SAFE_INTEGER, { error: `expected an integer >= ${options.min}` })
        .max(options.max ?? Number.MAX_SAFE_INTEGER, { error: `expected an integer <= ${options.max}` }),
    );

export const portVar = () => intVar({ min: 0, max: 65535 });

export const urlVar = () => z.url({ error: 'expected a URL' });

// "a:9092, b:9092" → ['a:9092', 'b:9092']
export const listVar = () =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(z.string()).min(1, { error: 'expected a comma-separated list' }));

export const booleanVar = () =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const baseServiceConfigShape = {
  DATABASE_URL: urlVar(),
  // Connections of the service's pool (the advisory lock of a running periodic job holds one of them).
  DATABASE_POOL_SIZE: intVar({ min: 2, max: 100 }).default(10),
  KAFKA_BROKERS: listVar(),
  HTTP_PORT: portVar(),
  GRPC_PORT: portVar(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlVar().optional(),
  // How long a command's receipt (@ofm/persistence inCommand) is kept, so that a retry with the same
  // request id answers the first answer instead of running again. Must outlast every retry: longer
  // than the gateway's IDEMPOTENCY_TTL_HOURS (24 h by default, at most 30 days).
  COMMAND_RECEIPT_RETENTION_DAYS: intVar({ min: 1, max: 365 }).default(7),
};

// What every service needs; a service extends it: `baseServiceConfig.extend({ AUTH_ISSUER: z.string() })`.
export const baseServiceConfig = z.object(baseServiceConfigShape);

export type BaseServiceConfig = z.infer<typeof baseServiceConfig>;
