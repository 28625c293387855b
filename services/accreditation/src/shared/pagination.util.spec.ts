import { decodeCursor, encodeCursor, pageOf, parsePage } from './pagination.util';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const c = { createdAt: new Date('2026-06-15T10:11:12.345Z'), id: ID };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
  ])('rejects the cursor %j', (cursor) => expect(decodeCursor(cursor)).toBeUndefined());

  it('defaults the limit to 50', () => {
    expect(parsePage(undefined)).toEqual({ limit: 50, after: undefined });
    expect(parsePage({ limit: 0, cursor: '' })).toEqual({ limit: 50, after: undefined });
  });

  it('names a bad limit and a bad cursor', () => {
    expect(parsePage({ limit: 501, cursor: 'zzz' })).toEqual([
      { field: 'limit', message: 'must be an integer between 1 and 500' },
      { field: 'cursor', message: 'is not a cursor returned by this list' },
    ]);
    expect(parsePage({ limit: -3 })).toEqual([{ field: 'limit', message: 'must be an integer between 1 and 500' }]);
  });

  it('answers a next cursor only when a further row exists', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `${n}`, createdAt: new Date(n * 1000) }));
    const more = pageOf(rows, 2);
    expect(more.items.map((r) => r.id)).toEqual(['1', '2']);
    expect(more.nextCursor).toBe(encodeCursor(rows[1]));
    expect(pageOf(rows, 3).nextCursor).toBe('');
  });
});
