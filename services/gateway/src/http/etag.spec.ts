import { etagOf, expectedVersionFrom } from './etag';

describe('ETag and If-Match', () => {
  it('writes the version as a strong entity tag', () => {
    expect(etagOf(3)).toBe('"3"');
  });

  it.each([
    [undefined, 0],
    ['*', 0],
    ['"3"', 3],
    ['12', 12],
  ])('reads If-Match %j as expected version %s', (header, version) => {
    expect(expectedVersionFrom(header)).toBe(version);
  });

  // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches.
  it.each(['W/"3"', '"abc"', '"0"', '"1", "2"', '"-1"', '"1234567890"'])(
    'refuses If-Match %j naming the header',
    (header) => {
      expect(() => expectedVersionFrom(header)).toThrow(
        expect.objectContaining({ kind: 'validation', errors: [expect.objectContaining({ field: 'If-Match' })] }),
      );
    },
  );
});
