import { decodeCursor, encodeCursor, type KeysetPosition } from './cursor';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CREATED = { createdAt: new Date('2026-06-15T10:11:12.345Z'), id: ID };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('cursor', () => {
  it('is base64url of a versioned JSON holding the position', () => {
    expect(Buffer.from(encodeCursor(CREATED), 'base64url').toString('utf8')).toBe(
      `{"v":1,"after":{"createdAt":"2026-06-15T10:11:12.345Z","id":"${ID}"}}`,
    );
    expect(Buffer.from(encodeCursor({ seq: 42n }), 'base64url').toString('utf8')).toBe('{"v":1,"after":{"seq":"42"}}');
    expect(encodeCursor(CREATED)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each<[string, KeysetPosition]>([
    ['a (created_at, id) position', CREATED],
    ['a sequence number', { seq: 42n }],
    ['the first sequence number', { seq: 0n }],
    ['a sequence number beyond 2^53', { seq: 9007199254740993n }],
    ['the largest bigint', { seq: 2n ** 63n - 1n }],
  ])('round-trips %s', (_, position) => expect(decodeCursor(encodeCursor(position))).toEqual(position));

  it('writes the id in lower case', () => {
    expect(decodeCursor(encodeCursor({ ...CREATED, id: ID.toUpperCase() }))).toEqual(CREATED);
  });

  it('refuses to issue a cursor for a position no list holds', () => {
    expect(() => encodeCursor({ createdAt: new Date('never'), id: ID })).toThrow(RangeError);
    expect(() => encodeCursor({ createdAt: CREATED.createdAt, id: 'm-1' })).toThrow(RangeError);
    expect(() => encodeCursor({ seq: -1n })).toThrow(RangeError);
    expect(() => encodeCursor({ seq: 2n ** 63n })).toThrow(RangeError);
  });

  it('answers the position for the order asked, and nothing for a cursor of the other order', () => {
    expect(decodeCursor(encodeCursor(CREATED), 'created-at')).toEqual(CREATED);
    expect(decodeCursor(encodeCursor({ seq: 7n }), 'seq')).toEqual({ seq: 7n });
    expect(decodeCursor(encodeCursor(CREATED), 'seq')).toBeUndefined();
    expect(decodeCursor(encodeCursor({ seq: 7n }), 'created-at')).toBeUndefined();
  });

  const issued = encodeCursor(CREATED);

  it.each([
    ['empty', ''],
    ['not base64', 'not-base64!'],
    ['garbage', 'zzz'],
    ['padded', `${issued}==`],
    ['with a stray character', `${issued.slice(0, 10)}.${issued.slice(10)}`],
    ['with a space', `${issued} `],
    ['truncated', issued.slice(0, -2)],
    ['far too long', 'A'.repeat(600)],
    // The two formats this one replaces: accreditation's [createdAt, id] and vehicles' "v1:<seq>".
    ['the old accreditation cursor', b64(JSON.stringify(['2026-06-15T10:11:12.345Z', ID]))],
    ['the old vehicles cursor', b64('v1:42')],
    ['another version', b64(`{"v":2,"after":{"seq":"42"}}`)],
    ['no version', b64(`{"after":{"seq":"42"}}`)],
    ['a version as text', b64(`{"v":"1","after":{"seq":"42"}}`)],
    ['an extra top-level field', b64(`{"v":1,"after":{"seq":"42"},"x":1}`)],
    ['no position', b64(`{"v":1}`)],
    ['a null position', b64(`{"v":1,"after":null}`)],
    ['a position as a list', b64(`{"v":1,"after":["42"]}`)],
    ['an unknown key', b64(`{"v":1,"after":{"offset":"42"}}`)],
    ['both keys', b64(`{"v":1,"after":{"seq":"42","id":"${ID}"}}`)],
    ['an extra key', b64(`{"v":1,"after":{"createdAt":"2026-06-15T10:11:12.345Z","id":"${ID}","x":1}}`)],
    ['a seq as a number', b64(`{"v":1,"after":{"seq":42}}`)],
    ['a negative seq', b64(`{"v":1,"after":{"seq":"-1"}}`)],
    ['a seq with a leading zero', b64(`{"v":1,"after":{"seq":"042"}}`)],
    ['a seq beyond bigint', b64(`{"v":1,"after":{"seq":"9223372036854775808"}}`)],
    ['a seq with a fraction', b64(`{"v":1,"after":{"seq":"4.2"}}`)],
    ['an id that is not a UUID', b64(`{"v":1,"after":{"createdAt":"2026-06-15T10:11:12.345Z","id":"m-1"}}`)],
    ['an upper-case id', b64(`{"v":1,"after":{"createdAt":"2026-06-15T10:11:12.345Z","id":"${ID.toUpperCase()}"}}`)],
    ['a day instead of an instant', b64(`{"v":1,"after":{"createdAt":"2026-06-15","id":"${ID}"}}`)],
    ['an instant that is not one', b64(`{"v":1,"after":{"createdAt":"yesterday","id":"${ID}"}}`)],
    ['an instant with an offset', b64(`{"v":1,"after":{"createdAt":"2026-06-15T06:11:12.345-04:00","id":"${ID}"}}`)],
    ['keys in another order', b64(`{"after":{"seq":"42"},"v":1}`)],
    ['spaces', b64(`{"v":1, "after":{"seq":"42"}}`)],
    ['JSON that is not an object', b64('42')],
    ['not JSON', b64('{"v":1,')],
  ])('refuses a cursor it did not issue: %s', (_, cursor) => expect(decodeCursor(cursor)).toBeUndefined());

  it('refuses a non-string', () => {
    expect(decodeCursor(undefined as unknown as string)).toBeUndefined();
    expect(decodeCursor(42 as unknown as string)).toBeUndefined();
  });
});
