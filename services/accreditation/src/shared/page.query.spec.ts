import { encodeCursor } from '@ofm/kernel';
import { pageOf, parsePage } from './page.query';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('parsePage', () => {
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

  it.each([
    ['garbage', 'zzz'],
    ['a cursor of a list in another order', encodeCursor({ seq: 42n })],
    [
      'the cursor format this service used before',
      Buffer.from(JSON.stringify(['2026-06-15T10:11:12.345Z', ID])).toString('base64url'),
    ],
  ])('names a cursor this list did not give: %s', (_, cursor) => {
    let error: unknown;
    try {
      parsePage({ limit: 10, cursor });
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
});

describe('pageOf', () => {
  it('answers a next cursor only when a further row exists', () => {
    const rows = [1, 2, 3].map((n) => ({ id: ID.replace(/d$/, String(n)), createdAt: new Date(n * 1000) }));
    const more = pageOf(rows, 2);
    expect(more.items.map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(parsePage({ cursor: more.nextCursor })).toEqual({
      limit: 50,
      after: { createdAt: rows[1]!.createdAt, id: rows[1]!.id },
    });
    expect(pageOf(rows, 3).nextCursor).toBe('');
  });
});
