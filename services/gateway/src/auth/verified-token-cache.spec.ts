import { createHash } from 'node:crypto';
import { VerifiedTokenCache } from './verified-token-cache';

const actor = (subject: string) => ({ subject, roles: ['auditor' as const] });

describe('VerifiedTokenCache', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it("keys tokens by their SHA-256, never by the token's text", () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzIn0.sig';
    const key = VerifiedTokenCache.keyOf(token);
    expect(key).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(key).not.toContain('eyJ');
  });

  it('answers a token until its expiry, and not from its expiry on', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('k', { actor: actor('a'), expiresAtMs: now + 1_000 }, 1);
    now += 999;
    expect(cache.get('k', 1)).toEqual(actor('a'));
    now += 1;
    expect(cache.get('k', 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not remember a token that has already expired', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('k', { actor: actor('a'), expiresAtMs: now }, 1);
    expect(cache.size).toBe(0);
  });

  it('forgets everything when the keys change (rotation, a key withdrawn)', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('k', { actor: actor('a'), expiresAtMs: now + 60_000 }, 1);
    expect(cache.get('k', 2)).toBeUndefined();
    expect(cache.get('k', 1)).toBeUndefined();
  });

  it('holds at most its bound, forgetting the least recently used', () => {
    const cache = new VerifiedTokenCache(2, clock);
    const verified = (s: string) => ({ actor: actor(s), expiresAtMs: now + 60_000 });
    cache.set('a', verified('a'), 1);
    cache.set('b', verified('b'), 1);
    expect(cache.get('a', 1)?.subject).toBe('a'); // a is now the most recently used
    cache.set('c', verified('c'), 1);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)?.subject).toBe('a');
    expect(cache.get('c', 1)?.subject).toBe('c');
  });

  it("gives each request its own copy of the actor, so one request's changes do not reach the next", () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('k', { actor: actor('a'), expiresAtMs: now + 60_000 }, 1);
    const first = cache.get('k', 1)!;
    (first.roles as string[]).push('ofm-admin');
    expect(cache.get('k', 1)).toEqual(actor('a'));
  });
});
