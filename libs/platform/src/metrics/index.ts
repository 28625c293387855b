export * from './prometheus';
export * from './grpc-metrics.interceptor';
export * from './http-metrics.hook';
