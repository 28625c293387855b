import { decodeCursor, encodeCursor, type KeysetOrder, type KeysetOrders, type KeysetPosition } from './cursor';

// A page request of CONTRACT.md: `limit` (default 50, at most 500; ofm.common.v1.PageRequest declares
// the range and the services' input checks refuse one outside it) and the cursor of the page before.
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

export interface PageInput {
  limit?: number;
  cursor?: string;
}

export type PageRead<P> = { ok: true; limit: number; after: P | undefined } | { ok: false };

/** The limit to fetch: 0 or absent (proto3 has no null) is the default; never more than the maximum. */
export const pageLimit = (limit: number | undefined | null): number =>
  !limit || !Number.isInteger(limit) || limit < 1 ? DEFAULT_PAGE_LIMIT : Math.min(limit, MAX_PAGE_LIMIT);

/**
 * Reads a page request for a list in `order`: the limit, and the position after which the page
 * starts (undefined for the first page). `ok: false` for a cursor that list did not issue; the
 * service answers it as its rule (`page-cursor`).
 */
export const readPage = <O extends KeysetOrder>(
  page: PageInput | undefined | null,
  order: O,
): PageRead<KeysetOrders[O]> => {
  const limit = pageLimit(page?.limit);
  if (!page?.cursor) return { ok: true, limit, after: undefined };
  const after = decodeCursor(page.cursor, order);
  return after ? { ok: true, limit, after } : { ok: false };
};

/**
 * The page answer from `limit + 1` fetched rows: the extra row only says there is more, and the
 * next cursor points after the last row shown ('' on the last page).
 */
export const pageOf = <T>(
  rows: readonly T[],
  limit: number,
  positionOf: (row: T) => KeysetPosition,
): { items: T[]; nextCursor: string } => {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : '' };
};

/** The (created_at, id) position of a row. */
export const createdAtPosition = (row: { createdAt: Date; id: string }): KeysetOrders['created-at'] => ({
  createdAt: row.createdAt,
  id: row.id,
});
