import { readFile, stat } from 'node:fs/promises';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import {
  DomainError,
  isRole,
  ProblemDetailsError,
  problemFromStatus,
  unauthenticated,
  type Actor,
} from '@ofm/platform';
import type { AuthSettings } from '../config';

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
    return actorFromClaims(payload);
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

// Development mode: the JWKS file written by `ofm token`, re-read whenever it changes so that a
// gateway started before the first token still accepts it.
export const watchedLocalJwks = (path: string): JWTVerifyGetKey => {
  let loaded: { mtimeMs: number; getKey: JWTVerifyGetKey } | undefined;
  return async (header, token) => {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(path)).mtimeMs;
    } catch {
      throw unauthenticated('No development signing key yet: mint a token with `npx ofm token`');
    }
    if (!loaded || loaded.mtimeMs !== mtimeMs) {
      const jwks = JSON.parse(await readFile(path, 'utf8')) as JSONWebKeySet;
      loaded = { mtimeMs, getKey: createLocalJWKSet(jwks) };
    }
    return loaded.getKey(header, token);
  };
};

export const createTokenVerifier = (settings: AuthSettings): TokenVerifier => {
  const keys =
    settings.mode === 'dev' ? watchedLocalJwks(settings.jwksPath) : createRemoteJWKSet(new URL(settings.jwksUrl));
  return new JoseTokenVerifier(keys, settings.issuer, settings.audience);
};

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
