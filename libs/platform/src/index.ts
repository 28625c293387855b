// The service kernel. Telemetry is also at '@ofm/platform/telemetry', which main.ts imports first.
export * from './config';
export * from './telemetry';
export * from './logging';
export * from './errors';
export * from './auth';
export * from './context';
export * from './health';
export * from './metrics';
export * from './load';
export * from './platform.module';
export * from './edge';
export * from './bootstrap';
