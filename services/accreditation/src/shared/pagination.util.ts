import type { FieldError } from '@ofm/platform';
import { isUuid } from './validation.util';

// Keyset pagination on (created_at, id): stable under inserts, unlike OFFSET. The cursor is opaque
// to clients (base64url JSON) so its shape can change without breaking them.

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

export interface PageCursor {
  createdAt: Date;
  id: string;
}

export interface PageParams {
  limit: number;
  after?: PageCursor;
}

export const encodeCursor = (c: PageCursor): string =>
  Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString('base64url');

export const decodeCursor = (cursor: string): PageCursor | undefined => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
    const [at, id] = parsed as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) return undefined;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
  } catch {
    return undefined;
  }
};

/** Reads `{limit, cursor}` of a PageRequest; 0/absent limit means the default (proto3 has no null). */
export const parsePage = (page: { limit?: number; cursor?: string } | undefined): PageParams | FieldError[] => {
  const errors: FieldError[] = [];
  const limit = page?.limit || DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    errors.push({ field: 'limit', message: `must be an integer between 1 and ${MAX_PAGE_LIMIT}` });
  }
  let after: PageCursor | undefined;
  if (page?.cursor) {
    after = decodeCursor(page.cursor);
    if (!after) errors.push({ field: 'cursor', message: 'is not a cursor returned by this list' });
  }
  return errors.length ? errors : { limit, after };
};

/** Builds the page answer from `limit + 1` fetched rows: the extra row only says "there is more". */
export const pageOf = <T extends { createdAt: Date; id: string }>(rows: T[], limit: number) => {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : '' };
};
