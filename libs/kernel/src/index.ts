// What every service needs and no framework provides: OFM's calendar and clock, field errors, ids,
// the keyset cursor and the mission-scope rule. Node built-ins only.
export * from './calendar';
export * from './clock';
export * from './field-errors';
export * from './ids';
export * from './cursor';
export * from './page';
export * from './mission-scope';
