import { isUuid, normalizeUuid, parseUuid, UUID_PATTERN } from './ids';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('ids', () => {
  it('uses the pattern of the contract’s JSON schemas', () => {
    expect(UUID_PATTERN).toBe('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$');
  });

  it.each([
    ID,
    ID.toUpperCase(),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    // Any version and variant: the contract does not narrow them.
    '0a1b2c3d-4e5f-1a6b-0c7d-9e0f1a2b3c4d',
  ])('accepts %s', (id) => expect(isUuid(id)).toBe(true));

  it.each([
    '',
    '0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d',
    `{${ID}}`,
    `urn:uuid:${ID}`,
    ` ${ID}`,
    `${ID}\n`,
    '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4',
    '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d0',
    'ga1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    '0a1b2c3d_4e5f_4a6b_8c7d_9e0f1a2b3c4d',
  ])('refuses %j', (id) => expect(isUuid(id)).toBe(false));

  it.each([undefined, null, 42, {}, [ID]])('refuses the non-string %p', (v) => expect(isUuid(v)).toBe(false));

  it('normalises to lower case, checking nothing (an absent optional id stays empty)', () => {
    expect(normalizeUuid(ID.toUpperCase())).toBe(ID);
    expect(normalizeUuid(ID)).toBe(ID);
    expect(normalizeUuid('')).toBe('');
  });

  it('parses: the canonical form of a UUID, undefined for anything else', () => {
    expect(parseUuid(ID.toUpperCase())).toBe(ID);
    expect(parseUuid('not-an-id')).toBeUndefined();
    expect(parseUuid(undefined)).toBeUndefined();
  });
});
