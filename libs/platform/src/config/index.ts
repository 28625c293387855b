export * from './config.error';
export * from './load-config';
export * from './base-service.config';
export * from './describe-config';
