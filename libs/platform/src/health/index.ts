export * from './health.registry';
export * from './health.http-controller';
export * from './metrics.http-controller';
export * from './health.grpc-controller';
