import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Actor } from '@ofm/platform';

/** How many verified tokens are remembered; past it the least recently used are forgotten. */
export const TOKEN_CACHE_MAX_ENTRIES = 10_000;

export interface VerifiedToken {
  actor: Actor;
  /** When the token expires (its exp claim), in ms since the epoch. */
  expiresAtMs: number;
}

// Verifying the same token's ES256 signature on every request was a quarter of the gateway's time
// under load. A verified token is remembered by the SHA-256 of its text (the cache never holds a
// usable credential), until its exp and never longer, and only for the key set it was verified
// with: when the keys change (rotation, a key withdrawn) everything remembered is dropped and tokens
// are verified again. Failures are not remembered: a bad token costs a verification every time.
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, VerifiedToken>;
  private keysVersion: number | undefined;

  constructor(
    maxEntries = TOKEN_CACHE_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  get size(): number {
    return this.entries.size;
  }

  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  /** The caller of a token verified with key set `keysVersion`, if it has not expired since. */
  get(key: string, keysVersion: number): Actor | undefined {
    this.forgetIfKeysChanged(keysVersion);
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAtMs <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // A copy: one request's changes to its actor must not reach the next request's.
    return { ...hit.actor, roles: [...hit.actor.roles] };
  }

  set(key: string, verified: VerifiedToken, keysVersion: number): void {
    this.forgetIfKeysChanged(keysVersion);
    const ttl = verified.expiresAtMs - this.now();
    if (ttl <= 0) return;
    this.entries.set(key, verified);
  }

  private forgetIfKeysChanged(keysVersion: number): void {
    if (this.keysVersion === keysVersion) return;
    this.entries.clear();
    this.keysVersion = keysVersion;
  }
}
