export * from './auth';
export * from './database';
export * from './kafka';
export * from './ports';
export * from './service-process';
export * from './wait-for';
export * from './platform';
export * from './grpc';
