import type { FieldError } from './field-error';

// Identifiers are UUIDs (CONTRACT.md); checking the form first turns a malformed id into a 400
// naming the field instead of a database error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Errors for the named fields whose non-empty value is not a UUID. */
export const uuidErrors = (fields: Record<string, string | undefined>): FieldError[] =>
  Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== '' && !isUuid(value))
    .map(([field]) => ({ field, message: 'must be a UUID' }));

/** Errors for a required id: absent, or not a UUID. */
export const requiredUuidErrors = (field: string, value: string | undefined): FieldError[] => {
  if (!value) return [{ field, message: 'required' }];
  return isUuid(value) ? [] : [{ field, message: 'must be a UUID' }];
};
