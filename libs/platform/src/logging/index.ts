export * from './create-logger';
export * from './pino-nest.logger';
export * from './personal-data';
export * from './redaction';
export * from './database-text';
