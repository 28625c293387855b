import type { FieldError } from './field-error';

// Cursor pagination of CONTRACT.md: limit default 50, max 500; the cursor is opaque to clients
// (base64url of the last row's sequence number), so the ordering key can change without a new API.
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

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

/** Reads the page request; 0 or absent means the default limit. */
export const readPage = (page: PageInput | undefined | null): Page => {
  const errors: FieldError[] = [];
  const limit = page?.limit || DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    errors.push({ field: 'limit', message: `must be between 1 and ${MAX_LIMIT}` });
  }
  const after = page?.cursor ? decodeCursor(page.cursor) : undefined;
  if (page?.cursor && after === undefined) errors.push({ field: 'cursor', message: 'is not a cursor this API issued' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, limit, after };
};
