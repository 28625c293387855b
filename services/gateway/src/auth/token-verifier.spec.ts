import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ProblemDetailsError } from '@ofm/platform';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { actorFromClaims, createTokenVerifier } from './token-verifier';

const ISS = 'https://auth.ofm.local/dev';
const AUD = 'ofm-platform';

const keyPair = async (kid: string) => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const sign = () =>
    new SignJWT({ roles: ['auditor'] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('s')
      .setIssuer(ISS)
      .setAudience(AUD)
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwks, sign };
};

describe('createTokenVerifier in development mode (the JWKS file of `ofm token`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofm-gw-jwks-'));
  const jwksPath = join(dir, 'jwks.json');
  const verifier = createTokenVerifier({ mode: 'dev', jwksPath, issuer: ISS, audience: AUD });

  it('answers 401 pointing at `ofm token` while there is no key file yet', async () => {
    const { sign } = await keyPair('k1');
    await expect(verifier.verify(await sign())).rejects.toMatchObject({
      kind: 'unauthenticated',
      detail: expect.stringContaining('ofm token'),
    });
  });

  it('picks up the key file once it exists, and a new key when the file is replaced', async () => {
    const first = await keyPair('k1');
    writeFileSync(jwksPath, JSON.stringify(first.jwks));
    await expect(verifier.verify(await first.sign())).resolves.toEqual({ subject: 's', roles: ['auditor'] });

    const second = await keyPair('k2');
    writeFileSync(jwksPath, JSON.stringify(second.jwks));
    // mtime resolution can hide a rewrite within the same tick; make the change visible.
    const later = new Date(Date.now() + 5_000);
    require('node:fs').utimesSync(jwksPath, later, later);
    await expect(verifier.verify(await second.sign())).resolves.toMatchObject({ subject: 's' });
    await expect(verifier.verify(await first.sign())).rejects.toBeInstanceOf(DomainError);
  });
});

describe('createTokenVerifier with a remote JWKS', () => {
  it('answers 503, not 401, when the identity provider cannot be reached', async () => {
    const verifier = createTokenVerifier({
      mode: 'remote',
      jwksUrl: 'http://127.0.0.1:1/.well-known/jwks.json',
      issuer: ISS,
      audience: AUD,
    });
    const { sign } = await keyPair('k1');
    const error = await verifier.verify(await sign()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemDetailsError);
    expect((error as ProblemDetailsError).problem.status).toBe(503);
  });
});

describe('actorFromClaims', () => {
  it('keeps known roles only, once each, and mission_id', () => {
    expect(
      actorFromClaims({ sub: 'u', roles: ['mission-user', 'root', 'mission-user', 7], mission_id: 'm-1' }),
    ).toEqual({ subject: 'u', roles: ['mission-user'], missionId: 'm-1' });
  });

  it('treats a missing or non-array roles claim as no role', () => {
    expect(actorFromClaims({ sub: 'u' })).toEqual({ subject: 'u', roles: [] });
    expect(actorFromClaims({ sub: 'u', roles: 'ofm-admin' })).toEqual({ subject: 'u', roles: [] });
  });

  it('refuses a token without a subject', () => {
    expect(() => actorFromClaims({ sub: ' ' })).toThrow(DomainError);
  });
});
