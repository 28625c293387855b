export * from './actor';
export * from './mission-scope.rules';
export * from './actor-metadata';
export * from './roles.decorator';
export * from './rpc-roles.guard';
export * from './public.decorator';
