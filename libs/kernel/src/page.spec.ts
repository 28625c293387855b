import { encodeCursor } from './cursor';
import { createdAtPosition, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, pageLimit, pageOf, readPage } from './page';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('page limits', () => {
  it('are 50 by default and at most 500', () => {
    expect(DEFAULT_PAGE_LIMIT).toBe(50);
    expect(MAX_PAGE_LIMIT).toBe(500);
  });

  it.each([
    [undefined, 50],
    [null, 50],
    [0, 50],
    [-3, 50],
    [2.5, 50],
    [1, 1],
    [7, 7],
    [500, 500],
    [501, 500],
  ])('a limit of %p fetches %p', (limit, expected) => expect(pageLimit(limit)).toBe(expected));
});

describe('readPage', () => {
  it('reads a first page', () => {
    expect(readPage(undefined, 'created-at')).toEqual({ ok: true, limit: 50, after: undefined });
    expect(readPage(null, 'seq')).toEqual({ ok: true, limit: 50, after: undefined });
    expect(readPage({ limit: 0, cursor: '' }, 'seq')).toEqual({ ok: true, limit: 50, after: undefined });
    expect(readPage({ limit: 7 }, 'created-at')).toEqual({ ok: true, limit: 7, after: undefined });
  });

  it('reads back a cursor of its order', () => {
    const after = { createdAt: new Date('2026-06-15T10:11:12.345Z'), id: ID };
    expect(readPage({ limit: 2, cursor: encodeCursor(after) }, 'created-at')).toEqual({ ok: true, limit: 2, after });
    expect(readPage({ cursor: encodeCursor({ seq: 42n }) }, 'seq')).toEqual({
      ok: true,
      limit: 50,
      after: { seq: 42n },
    });
  });

  it('refuses a cursor it did not issue, or one of the other order', () => {
    expect(readPage({ cursor: 'zzz' }, 'created-at')).toEqual({ ok: false });
    expect(readPage({ cursor: encodeCursor({ seq: 42n }) }, 'created-at')).toEqual({ ok: false });
    expect(readPage({ cursor: encodeCursor({ createdAt: new Date(0), id: ID }) }, 'seq')).toEqual({ ok: false });
  });
});

describe('pageOf', () => {
  const rows = [1, 2, 3].map((n) => ({ id: ID.replace(/d$/, String(n)), createdAt: new Date(n * 1000) }));

  it('answers a next cursor only when a further row exists, pointing after the last row shown', () => {
    const more = pageOf(rows, 2, createdAtPosition);
    expect(more.items).toEqual(rows.slice(0, 2));
    expect(more.nextCursor).toBe(encodeCursor({ createdAt: rows[1]!.createdAt, id: rows[1]!.id }));
    expect(pageOf(rows, 3, createdAtPosition)).toEqual({ items: rows, nextCursor: '' });
    expect(pageOf([], 3, createdAtPosition)).toEqual({ items: [], nextCursor: '' });
  });

  it('pages by any key the list orders by', () => {
    const numbered = [{ seq: '10' }, { seq: '11' }];
    expect(pageOf(numbered, 1, (r) => ({ seq: BigInt(r.seq) })).nextCursor).toBe(encodeCursor({ seq: 10n }));
  });

  it('takes the (created_at, id) position of a row, nothing else of it', () => {
    expect(createdAtPosition({ ...rows[0]!, name: 'x' } as { createdAt: Date; id: string })).toEqual(rows[0]);
  });
});
