import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from 'pino';
import { createLogger, type CreateLoggerOptions } from './create-logger';
import { redactQuotedValues } from './database-text';

// Nest's own messages (module init, route mapping, exceptions) go through the same pino logger as
// ours, so a service writes one JSON format only.
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest calls error(message, stack?, context?).
    const { context, rest } =
      params.length === 1 && looksLikeStack(params[0]) ? { context: undefined, rest: params } : splitContext(params);
    const stack = typeof rest[0] === 'string' ? redactQuotedValues(rest[0]) : undefined;
    if (message instanceof Error) {
      this.pino.error({ context, err: message }, redactQuotedValues(message.message));
      return;
    }
    // Logger.error({ msg, err, … }): the fields stay fields, so that `err` meets the error serializer.
    if (message !== null && typeof message === 'object') {
      this.pino.error({ context, ...(message as object), ...extra(rest) });
      return;
    }
    // Nest's own "message, stack" of an error: the message and the stack's first line may quote a
    // value the database refused.
    this.pino.error(
      { context, ...(stack ? { stack } : {}), ...extra(rest.slice(stack ? 1 : 0)) },
      redactQuotedValues(text(message)),
    );
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    const order: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
    const lowest = order.find((level) => levels.includes(level));
    const pinoLevel: Record<LogLevel, string> = {
      verbose: 'trace',
      debug: 'debug',
      log: 'info',
      warn: 'warn',
      error: 'error',
      fatal: 'fatal',
    };
    this.pino.level = lowest ? pinoLevel[lowest] : 'silent';
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const { context, rest } = splitContext(params);
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.pino[level]({ context, ...(message as object), ...extra(rest) });
      return;
    }
    this.pino[level]({ context, ...extra(rest) }, text(message));
  }
}

// The pino-backed Nest logger a service (or the gateway) hands to NestFactory.create.
export const createNestLogger = (name: string, options: CreateLoggerOptions = {}): PinoNestLogger =>
  new PinoNestLogger(createLogger(name, options));

// Nest passes the context (class name) as the last string parameter.
const splitContext = (params: unknown[]): { context?: string; rest: unknown[] } => {
  if (params.length > 0 && typeof params[params.length - 1] === 'string') {
    return { context: params[params.length - 1] as string, rest: params.slice(0, -1) };
  }
  return { rest: params };
};

const looksLikeStack = (value: unknown): boolean => typeof value === 'string' && /\n\s+at /.test(value);

const extra = (rest: unknown[]): Record<string, unknown> => (rest.length > 0 ? { params: rest } : {});

const text = (message: unknown): string => (message instanceof Error ? message.message : String(message));
