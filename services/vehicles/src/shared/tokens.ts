// Injection tokens of the vehicles module.
export const VEHICLES_CONFIG = Symbol('VEHICLES_CONFIG');
