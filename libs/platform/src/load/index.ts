export * from './capacity';
export * from './load.config';
export * from './http-in-flight.hook';
export * from './grpc-in-flight.interceptor';
export * from './shed-load';
