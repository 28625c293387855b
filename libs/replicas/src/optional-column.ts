import type { ValueTransformer } from 'typeorm';

// A nullable column read and written as a proto3 `optional` field: NULL in PostgreSQL is undefined
// in the entity (never '' or null), so an entity property maps to its field as is.
export const NULL_AS_UNDEFINED: ValueTransformer = {
  from: (value: unknown) => value ?? undefined,
  to: (value: unknown) => value ?? null,
};
