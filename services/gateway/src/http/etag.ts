import { validationFailed } from '@ofm/platform';

// ETag = the resource's version, as a strong entity tag ("3").
export const etagOf = (version: number): string => `"${version}"`;

// If-Match → expected_version of the write RPCs. "*" or no header means "whatever the current version
// is" (0 on the wire). If-Match compares strongly (RFC 9110 §13.1.1): a weak tag W/"3" is refused.
export const expectedVersionFrom = (ifMatch: string | string[] | undefined): number => {
  if (ifMatch === undefined) return 0;
  const value = (Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch).trim();
  if (value === '*') return 0;
  const m = /^(?:"([1-9]\d{0,8})"|([1-9]\d{0,8}))$/.exec(value);
  const version = m ? Number(m[1] ?? m[2]) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw validationFailed([{ field: 'If-Match', message: 'If-Match must be the ETag of the resource, e.g. "3"' }]);
  }
  return version;
};
