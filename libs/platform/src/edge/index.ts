export * from './edge.config';
export * from './json-body';
export * from './client-error';
export * from './content-types';
export * from './connection-limit';
export * from './edge-errors';
export * from './server-options';
export * from './install-edge';
