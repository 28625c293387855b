export * from './domain.error';
export * from './problem-details';
export * from './grpc-problem.mapper';
export * from './exception-mapping';
export * from './error-responses';
export * from './problem-details.filter';
export * from './grpc-error.filter';
export * from './transient-error';
