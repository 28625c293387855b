import { decodeCursor, encodeCursor, readPage } from './page.rules';

describe('readPage', () => {
  it('defaults the limit to 50', () => {
    expect(readPage(undefined)).toEqual({ ok: true, limit: 50, after: undefined });
    expect(readPage(null)).toEqual({ ok: true, limit: 50, after: undefined });
    expect(readPage({ limit: 0, cursor: '' })).toEqual({ ok: true, limit: 50, after: undefined });
  });

  it('takes the limit asked for (its range is declared on PageRequest)', () => {
    expect(readPage({ limit: 1 })).toMatchObject({ ok: true, limit: 1 });
    expect(readPage({ limit: 500 })).toMatchObject({ ok: true, limit: 500 });
  });

  it('reads back the cursor it issued', () => {
    expect(readPage({ cursor: encodeCursor(42n) })).toEqual({ ok: true, limit: 50, after: 42n });
    expect(decodeCursor(encodeCursor('9007199254740993'))).toBe(9007199254740993n);
  });

  it.each(['garbage', Buffer.from('v1:abc').toString('base64url'), Buffer.from('v2:1').toString('base64url')])(
    'rejects the cursor %j',
    (cursor) => {
      expect(readPage({ cursor })).toEqual({
        ok: false,
        errors: [{ field: 'cursor', message: 'is not a cursor this API issued' }],
      });
    },
  );
});
