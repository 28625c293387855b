import { isUuid, requiredUuidErrors, uuidErrors } from './ids.rules';

describe('ids', () => {
  it('recognises UUIDs in either case', () => {
    expect(isUuid('3f2b6c1e-8d4a-4c57-9a1e-2b7f0e5d9c11')).toBe(true);
    expect(isUuid('3F2B6C1E-8D4A-4C57-9A1E-2B7F0E5D9C11')).toBe(true);
    expect(isUuid('3f2b6c1e8d4a4c579a1e2b7f0e5d9c11')).toBe(false);
    expect(isUuid("1' OR '1'='1")).toBe(false);
  });

  it('names each malformed id and ignores absent ones', () => {
    expect(uuidErrors({ ownerMemberId: 'x', ownerMissionId: '', vehicleId: undefined })).toEqual([
      { field: 'ownerMemberId', message: 'must be a UUID' },
    ]);
  });

  it('requires an id that must be given', () => {
    expect(requiredUuidErrors('id', '')).toEqual([{ field: 'id', message: 'required' }]);
    expect(requiredUuidErrors('id', undefined)).toEqual([{ field: 'id', message: 'required' }]);
    expect(requiredUuidErrors('id', 'nope')).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    expect(requiredUuidErrors('id', '3f2b6c1e-8d4a-4c57-9a1e-2b7f0e5d9c11')).toEqual([]);
  });
});
