import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { activeTraceIds } from '../telemetry/trace-context';

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
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...activeTraceIds() }),
    redact: {
      paths: ['password', '*.password', 'authorization', '*.authorization', 'req.headers.authorization'],
      censor: '***',
    },
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
};

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;
