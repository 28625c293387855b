import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * The keys tokens are verified with, and a number that changes whenever they may have changed: a
 * cached verification made before the change is not trusted after it (revocation by key rotation).
 */
export interface KeySet {
  getKey: JWTVerifyGetKey;
  version(): number;
  close?(): void;
}

// The identity provider's JWKS (jose fetches it, keeps it for 10 minutes, and refetches early when a
// token names a key it does not have). Once tokens are answered from the cache, nothing would ask
// jose for a key any more and the set would never be refetched: `version` refetches a stale set in
// the background, and changes when a fetch replaced it.
export const remoteKeySet = (url: URL): KeySet => {
  const remote = createRemoteJWKSet(url);
  let seen: unknown;
  let changes = 0;
  return {
    getKey: remote,
    version: () => {
      if (!remote.fresh && !remote.reloading) remote.reload().catch(() => undefined);
      const current = remote.jwks();
      if (current !== seen) {
        seen = current;
        changes++;
      }
      return changes;
    },
  };
};
