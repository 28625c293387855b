// Ids are UUIDs (CONTRACT.md). One check for all of them, any version, either case: @ofm/contracts
// puts this pattern in every JSON schema, so an id this kernel accepts is one the API accepted.
// Stored and compared in lower case.

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

const UUID = new RegExp(UUID_PATTERN);

/** True for a UUID in its 8-4-4-4-12 hexadecimal form, in either case. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The canonical (lower-case) form of an id, for lookups and comparisons. It checks nothing: an id
 * the request rules already checked, or an empty string (an absent optional id), is returned as is
 * but in lower case.
 */
export const normalizeUuid = (id: string): string => id.toLowerCase();

/** The canonical form of `value` if it is a UUID, else undefined. */
export const parseUuid = (value: unknown): string | undefined => (isUuid(value) ? value.toLowerCase() : undefined);
