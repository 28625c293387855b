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

  it('defaults the limit to 50 (the proto declares its range)', () => {
    expect(parsePage(undefined)).toEqual({ limit: 50 });
    expect(parsePage(null)).toEqual({ limit: 50 });
    expect(parsePage({ limit: 0, cursor: '' })).toEqual({ limit: 50 });
    expect(parsePage({ limit: 7 })).toEqual({ limit: 7 });
  });

  it('reads a cursor this list gave', () => {
    const after = { createdAt: new Date('2026-06-15T10:11:12.345Z'), id: ID };
    expect(parsePage({ limit: 2, cursor: encodeCursor(after) })).toEqual({ limit: 2, after });
  });

  it('names a cursor this list did not give', () => {
    let error: unknown;
    try {
      parsePage({ limit: 10, cursor: 'zzz' });
    } catch (e) {
      error = e;
    }
    // Any string is a cursor by the schema; one this list never gave breaks a rule (422).
    expect(error).toMatchObject({
      kind: 'rule',
      rule: 'page-cursor',
      errors: [{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }],
    });
  });

  it('answers a next cursor only when a further row exists', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `${n}`, createdAt: new Date(n * 1000) }));
    const more = pageOf(rows, 2);
    expect(more.items.map((r) => r.id)).toEqual(['1', '2']);
    expect(more.nextCursor).toBe(encodeCursor(rows[1]));
    expect(pageOf(rows, 3).nextCursor).toBe('');
  });
});
