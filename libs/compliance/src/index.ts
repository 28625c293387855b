export * from './flag-reasons';
export * from './flag';
export * from './flag-events';
export * from './flag-reasons.markdown';
