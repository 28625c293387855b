import { createHash } from 'node:crypto';

// The same JSON in any key order is the same request; arrays keep their order.
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

export interface HashedRequest {
  method: string;
  path: string;
  body: unknown;
  // A retry carries the same preconditions; another If-Match is another request.
  ifMatch?: string;
}

export const requestHash = (r: HashedRequest): string =>
  createHash('sha256')
    .update(`${r.method.toUpperCase()} ${r.path}\n${r.ifMatch ?? ''}\n${canonicalJson(r.body ?? null)}`)
    .digest('hex');

export interface KeyedRoute {
  subject: string;
  method: string;
  path: string;
  key: string;
}

// The request id the services record a command's receipt under (x-ofm-request-id): the caller's
// Idempotency-Key, scoped like the gateway's own row by subject (two callers' keys never meet) and by
// route (one key on two routes is two commands). A JSON array, so no separator can be forged.
export const commandRequestId = (r: KeyedRoute): string =>
  createHash('sha256')
    .update(JSON.stringify(['ofm-idempotency-v1', r.subject, r.method.toUpperCase(), r.path, r.key]))
    .digest('hex');

// Printable ASCII without spaces at either end, as the IETF Idempotency-Key draft allows.
export const isValidIdempotencyKey = (key: string): boolean =>
  key.length >= 1 && key.length <= 255 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(key);
