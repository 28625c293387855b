import type { FieldError } from './field-error';

// Cursor pagination of CONTRACT.md: limit default 50 (the range 1..500 is declared on
// ofm.common.v1.PageRequest and checked before any handler runs); the cursor is opaque to clients
// (base64url of the last row's sequence number), so the ordering key can change without a new API.
export const DEFAULT_LIMIT = 50;

export interface PageInput {
  limit?: number;
  cursor?: string;
}

export type Page = { ok: true; limit: number; after: bigint | undefined } | { ok: false; errors: FieldError[] };

export const encodeCursor = (seq: bigint | string): string => Buffer.from(`v1:${seq}`, 'utf8').toString('base64url');

export const decodeCursor = (cursor: string): bigint | undefined => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^v1:(\d{1,19})$/.exec(text);
  return m ? BigInt(m[1]!) : undefined;
};

/** Reads the page request; 0 or absent means the default limit; a cursor this API never issued is refused. */
export const readPage = (page: PageInput | undefined | null): Page => {
  const limit = page?.limit || DEFAULT_LIMIT;
  if (!page?.cursor) return { ok: true, limit, after: undefined };
  const after = decodeCursor(page.cursor);
  return after === undefined
    ? { ok: false, errors: [{ field: 'cursor', message: 'is not a cursor this API issued' }] }
    : { ok: true, limit, after };
};
