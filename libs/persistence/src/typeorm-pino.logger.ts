import { createLogger, type Logger as PinoLogger } from '@ofm/platform';
import type { Logger as TypeOrmLogger } from 'typeorm';

export const SLOW_QUERY_MS = 1_000;

// TypeORM's messages as JSON lines like the rest of the service (with the active trace id).
// Query parameters are never logged: they hold personal data of mission members.
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}

  logQuery(query: string): void {
    this.logger.trace({ query }, 'query');
  }

  // Debug, not error: services expect some failures (unique violations become conflicts), and the
  // exception filters log the failures nobody handled.
  logQueryError(error: string | Error, query: string): void {
    const { code, message } =
      typeof error === 'string'
        ? { code: undefined, message: error }
        : { code: (error as { code?: string }).code, message: error.message };
    this.logger.debug({ query, code, error: message }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, durationMs: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info({ migration: true }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.info(String(message));
  }
}

export const createTypeOrmLogger = (name: string): PinoTypeOrmLogger => new PinoTypeOrmLogger(createLogger(name));
