import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import {
  DomainError,
  isRole,
  ProblemDetailsError,
  problemFromStatus,
  unauthenticated,
  type Actor,
} from '@ofm/platform';
import type { AuthSettings } from '../config';
import { remoteKeySet, type KeySet } from './key-set';
import { LocalJwksFile } from './local-jwks-file';
import { VerifiedTokenCache, type VerifiedToken } from './verified-token-cache';

export const ACCEPTED_ALGORITHMS = ['ES256', 'RS256'];

export interface TokenVerifier {
  // The caller of a verified token; throws an unauthenticated DomainError for any bad token.
  verify(token: string): Promise<Actor>;
}

export class JoseTokenVerifier implements TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  async verify(token: string): Promise<Actor> {
    return (await this.verifyToken(token)).actor;
  }

  async verifyToken(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ACCEPTED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw tokenError(error);
    }
    return { actor: actorFromClaims(payload), expiresAtMs: payload.exp! * 1000 };
  }
}

// The verifier the gateway runs: a token seen before with the same keys is answered from the cache
// (verified-token-cache.ts); any other is verified, and remembered if it verifies.
export class CachingTokenVerifier implements TokenVerifier {
  constructor(
    private readonly verifier: JoseTokenVerifier,
    private readonly keys: KeySet,
    private readonly cache = new VerifiedTokenCache(),
  ) {}

  async verify(token: string): Promise<Actor> {
    const key = VerifiedTokenCache.keyOf(token);
    const before = this.keys.version();
    const cached = this.cache.get(key, before);
    if (cached) return cached;
    const verified = await this.verifier.verifyToken(token);
    // Keys that changed while we verified: the answer stands for this request, not for the next.
    if (this.keys.version() === before) this.cache.set(key, verified, before);
    return { ...verified.actor, roles: [...verified.actor.roles] }; // the cached one stays untouched
  }

  close(): void {
    this.keys.close?.();
  }
}

// sub, roles (array) and mission_id; role names this build does not know are dropped, not trusted.
export const actorFromClaims = (payload: JWTPayload): Actor => {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw unauthenticated('The token has no subject');
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  const roles = [...new Set(claimed.filter((r): r is string => typeof r === 'string').filter(isRole))];
  const actor: Actor = { subject: payload.sub, roles };
  if (typeof payload.mission_id === 'string' && payload.mission_id !== '') actor.missionId = payload.mission_id;
  return actor;
};

// The reason goes to the client (it helps whoever holds the token) but never the key material.
const tokenError = (error: unknown): Error => {
  if (error instanceof DomainError) return error;
  if (error instanceof joseErrors.JWTExpired) return unauthenticated('The token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return unauthenticated(`The token's "${error.claim}" claim is not accepted`);
  if (error instanceof joseErrors.JWKSTimeout)
    return identityProviderUnavailable('The identity provider did not answer in time');
  if (error instanceof joseErrors.JOSEError) return unauthenticated('The token is not valid');
  if (error instanceof TypeError && /Invalid|Compact|JWS/i.test(error.message))
    return unauthenticated('The token is not valid');
  // Network failures fetching the JWKS: not the caller's fault.
  return identityProviderUnavailable('The identity provider keys could not be fetched');
};

// 503, not 401: the token may be fine, we just cannot check it now.
const identityProviderUnavailable = (detail: string): ProblemDetailsError =>
  new ProblemDetailsError(problemFromStatus(503, detail));

export const createTokenVerifier = (settings: AuthSettings): CachingTokenVerifier => {
  const keys = settings.mode === 'dev' ? new LocalJwksFile(settings.jwksPath) : remoteKeySet(new URL(settings.jwksUrl));
  return new CachingTokenVerifier(new JoseTokenVerifier(keys.getKey, settings.issuer, settings.audience), keys);
};

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
