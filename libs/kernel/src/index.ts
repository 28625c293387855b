// What every service needs and no framework provides: OFM's calendar and clock, field errors, ids,
// the keyset cursor, the mission-scope rule, and the forms of values that are not OFM's own (country
// codes, VINs, free text, day bounds). Node built-ins only.
export * from './calendar';
export * from './clock';
export * from './field-errors';
export * from './ids';
export * from './cursor';
export * from './page';
export * from './mission-scope';
export * from './country-codes';
export * from './vin';
export * from './text';
export * from './day-bounds';
