export * from './profile';
export * from './in-force';
export * from './decisions';
export * from './travel-controls';
export * from './measures';
