import { vocabulary } from '@ofm/contracts';
import { ruleViolated } from '@ofm/platform';

// Keyset pagination on (created_at, id): stable under inserts, unlike OFFSET. The cursor is opaque
// to clients (base64url JSON) so its shape can change without breaking them.

export const DEFAULT_PAGE_LIMIT = 50;

const UUID = new RegExp(vocabulary.UUID_PATTERN);

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
    if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) return undefined;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id };
  } catch {
    return undefined;
  }
};

/**
 * Reads `{limit, cursor}` of a PageRequest, whose range the proto declares: an absent page or a 0
 * limit means the default (proto3 has no null). A cursor this list did not give is refused, naming
 * `cursor` as REST does.
 */
export const parsePage = (page: { limit?: number; cursor?: string } | null | undefined): PageParams => {
  const limit = page?.limit || DEFAULT_PAGE_LIMIT;
  if (!page?.cursor) return { limit };
  const after = decodeCursor(page.cursor);
  if (!after)
    throw ruleViolated('page-cursor', 'The cursor is not one this list returned', [
      { field: 'cursor', message: 'cursor is not a cursor returned by this list' },
    ]);
  return { limit, after };
};

/** Builds the page answer from `limit + 1` fetched rows: the extra row only says "there is more". */
export const pageOf = <T extends { createdAt: Date; id: string }>(rows: T[], limit: number) => {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : '' };
};
