import { isUuid } from './ids';

// The one cursor of keyset pagination (CONTRACT.md: `?cursor=`, `nextCursor`). It is opaque to
// clients — base64url of a versioned JSON `{"v":1,"after":{…}}` holding the ordering key of the last
// row a page held — so the key can change behind a new version without a new API. A list orders by
// one of two keys: (created_at, id), or an identity column (`seq`) where rows are numbered on insert
// and created_at is the database's now() (microseconds, which a Date cannot carry back).

/** After the row created at `createdAt` with `id`, in (created_at, id) order. */
export interface CreatedAtPosition {
  createdAt: Date;
  id: string;
}

/** After the row numbered `seq`, in identity-column order. */
export interface SeqPosition {
  seq: bigint;
}

export type KeysetPosition = CreatedAtPosition | SeqPosition;

/** The orders a list may page by, and the position each one's cursor holds. */
export interface KeysetOrders {
  'created-at': CreatedAtPosition;
  seq: SeqPosition;
}

export type KeysetOrder = keyof KeysetOrders;

const VERSION = 1;
const MAX_SEQ = 2n ** 63n - 1n; // PostgreSQL's bigint
const SEQ = /^(0|[1-9]\d{0,18})$/;
// A cursor of this format is well under 200 characters; anything much longer is not one.
const MAX_CURSOR_LENGTH = 512;

type Wire = { createdAt: string; id: string } | { seq: string };

const toWire = (after: KeysetPosition): Wire => {
  if ('seq' in after) {
    if (after.seq < 0n || after.seq > MAX_SEQ) throw new RangeError(`not a sequence number: ${after.seq}`);
    return { seq: after.seq.toString() };
  }
  if (!isUuid(after.id)) throw new RangeError(`not a UUID: ${after.id}`);
  // toISOString throws a RangeError on an invalid Date.
  return { createdAt: after.createdAt.toISOString(), id: after.id.toLowerCase() };
};

const fromWire = (after: unknown): KeysetPosition | undefined => {
  if (typeof after !== 'object' || after === null || Array.isArray(after)) return undefined;
  const keys = Object.keys(after).sort().join(',');
  const a = after as Record<string, unknown>;
  if (keys === 'seq') {
    if (typeof a.seq !== 'string' || !SEQ.test(a.seq)) return undefined;
    const seq = BigInt(a.seq);
    return seq <= MAX_SEQ ? { seq } : undefined;
  }
  if (keys === 'createdAt,id') {
    if (typeof a.createdAt !== 'string' || !isUuid(a.id)) return undefined;
    const createdAt = new Date(a.createdAt);
    return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: a.id };
  }
  return undefined;
};

const inOrder = (order: KeysetOrder, p: KeysetPosition): boolean => (order === 'seq') === 'seq' in p;

/** The cursor that pages after `after`. Throws a RangeError on a position no list could hold. */
export const encodeCursor = (after: KeysetPosition): string =>
  Buffer.from(JSON.stringify({ v: VERSION, after: toWire(after) }), 'utf8').toString('base64url');

/**
 * The position a cursor of encodeCursor holds; undefined for anything else — another format, another
 * version, a cursor altered in any byte, or (given `order`) a cursor of a list in another order.
 */
export function decodeCursor(cursor: string): KeysetPosition | undefined;
export function decodeCursor<O extends KeysetOrder>(cursor: string, order: O): KeysetOrders[O] | undefined;
export function decodeCursor(cursor: string, order?: KeysetOrder): KeysetPosition | undefined {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { v, after, ...rest } = parsed as Record<string, unknown>;
  if (v !== VERSION || Object.keys(rest).length > 0) return undefined;
  const position = fromWire(after);
  if (!position || (order && !inOrder(order, position))) return undefined;
  // Only the exact bytes this function's twin writes: base64url is decoded leniently (stray
  // characters are skipped), and JSON admits spaces, other key orders and upper-case ids.
  return encodeCursor(position) === cursor ? position : undefined;
}
