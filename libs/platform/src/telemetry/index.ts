// Imported by a service's main.ts before anything else, so it must not import Nest, pg or kafkajs.
export * from './start-telemetry';
export * from './trace-context';
