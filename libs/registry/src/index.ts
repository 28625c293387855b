export type { ServiceEntry } from './service-entry';
export { SERVICES } from './services';
export * from './registry';
