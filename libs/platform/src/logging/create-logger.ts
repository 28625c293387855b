import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { activeTraceIds } from '../telemetry/trace-context';
import { redactQuotedValues } from './database-text';
import { redactLogObject, serializeError } from './redaction';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  // Defaults to LOG_LEVEL, then info.
  level?: string;
  // Defaults to stdout; tests pass a stream to read the lines back.
  destination?: DestinationStream;
}

// JSON lines on stdout, each stamped with the service and the active trace, so that a log search by
// trace_id shows one request across the gateway, the services and their event handlers.
export const createLogger = (name: string, options: CreateLoggerOptions = {}): Logger => {
  const pinoOptions: LoggerOptions = {
    level: options.level ?? nonEmpty(process.env.LOG_LEVEL) ?? 'info',
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    mixin: () => ({ ...activeTraceIds() }),
    // No line carries personal data or secrets (personal-data.ts): the fields are masked wherever
    // they sit, and errors lose the values a failed query echoes (redaction.ts).
    formatters: { level: (label) => ({ level: label }), log: redactLogObject },
    serializers: { err: serializeError, error: serializeError },
    // Messages too: some are built from an error's message (`job failed: ${error.message}`), and
    // pino makes `logger.error(err)`'s message of the error's own.
    hooks: { logMethod: redactMessageArguments },
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
};

function redactMessageArguments(this: Logger, args: unknown[], method: (...args: unknown[]) => void): void {
  const [first, ...rest] = args;
  if (first instanceof Error && typeof rest[0] !== 'string') {
    method.call(this, first, redactQuotedValues(first.message));
    return;
  }
  method.apply(
    this,
    args.map((arg) => (typeof arg === 'string' ? redactQuotedValues(arg) : arg)),
  );
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;
