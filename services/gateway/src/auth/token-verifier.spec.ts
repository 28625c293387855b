import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, ProblemDetailsError } from '@ofm/platform';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import type { KeySet } from './key-set';
import { actorFromClaims, CachingTokenVerifier, createTokenVerifier, JoseTokenVerifier } from './token-verifier';

const ISS = 'https://auth.ofm.local/dev';
const AUD = 'ofm-platform';

const keyPair = async (kid: string) => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const sign = (expiresIn: string | number = '5m') =>
    new SignJWT({ roles: ['auditor'] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('s')
      .setIssuer(ISS)
      .setAudience(AUD)
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  return { jwks, sign };
};

/** Retries `check` until it passes or 3 s have gone by (a file watch answers within milliseconds). */
const eventually = async (check: () => Promise<void>): Promise<void> => {
  const deadline = Date.now() + 3_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
};

describe('createTokenVerifier in development mode (the JWKS file of `ofm token`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofm-gw-jwks-'));
  const jwksPath = join(dir, 'dev-auth', 'jwks.json'); // the directory does not exist yet either
  const verifier = createTokenVerifier({ mode: 'dev', jwksPath, issuer: ISS, audience: AUD });
  afterAll(() => {
    verifier.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 pointing at `ofm token` while there is no key file yet', async () => {
    const { sign } = await keyPair('k1');
    await expect(verifier.verify(await sign())).rejects.toMatchObject({
      kind: 'unauthenticated',
      detail: expect.stringContaining('ofm token'),
    });
  });

  it('picks up the key file once it exists, and only the new key once the file is replaced', async () => {
    const first = await keyPair('k1');
    require('node:fs').mkdirSync(join(dir, 'dev-auth'));
    writeFileSync(jwksPath, JSON.stringify(first.jwks));
    const firstToken = await first.sign();
    await eventually(async () => {
      await expect(verifier.verify(firstToken)).resolves.toEqual({ subject: 's', roles: ['auditor'] });
    });

    // Rotation: the file now holds only k2. A k1 token verified (and cached) before is refused too.
    const second = await keyPair('k2');
    writeFileSync(jwksPath, JSON.stringify(second.jwks));
    const secondToken = await second.sign();
    await eventually(async () => {
      await expect(verifier.verify(secondToken)).resolves.toMatchObject({ subject: 's' });
    });
    await eventually(async () => {
      await expect(verifier.verify(firstToken)).rejects.toBeInstanceOf(DomainError);
    });
  });

  it('refuses every token once the key file is deleted', async () => {
    const keys = await keyPair('k3');
    writeFileSync(jwksPath, JSON.stringify(keys.jwks));
    const token = await keys.sign();
    await eventually(async () => {
      await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 's' });
    });
    rmSync(jwksPath);
    await eventually(async () => {
      await expect(verifier.verify(token)).rejects.toMatchObject({ kind: 'unauthenticated' });
    });
  });
});

describe('CachingTokenVerifier', () => {
  // A key set whose lookups we count and whose version we turn, as a rotation would.
  const countedKeys = (jwks: JSONWebKeySet) => {
    const local = createLocalJWKSet(jwks);
    const keys = { lookups: 0, changes: 0 };
    const set: KeySet = {
      getKey: (header, token) => {
        keys.lookups++;
        return local(header, token);
      },
      version: () => keys.changes,
    };
    return { keys, verifier: new CachingTokenVerifier(new JoseTokenVerifier(set.getKey, ISS, AUD), set) };
  };

  it('verifies a token once and answers it from the cache afterwards', async () => {
    const pair = await keyPair('k1');
    const { keys, verifier } = countedKeys(pair.jwks);
    const token = await pair.sign();
    for (let i = 0; i < 5; i++)
      await expect(verifier.verify(token)).resolves.toEqual({ subject: 's', roles: ['auditor'] });
    expect(keys.lookups).toBe(1);
  });

  it('verifies again after the keys changed', async () => {
    const pair = await keyPair('k1');
    const { keys, verifier } = countedKeys(pair.jwks);
    const token = await pair.sign();
    await verifier.verify(token);
    keys.changes++;
    await verifier.verify(token);
    expect(keys.lookups).toBe(2);
  });

  it('does not keep a token past its expiry', async () => {
    const pair = await keyPair('k1');
    const { verifier } = countedKeys(pair.jwks);
    const token = await pair.sign(Math.floor(Date.now() / 1000) + 1);
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 's' });
    await new Promise((resolve) => setTimeout(resolve, 2_100 - (Date.now() % 1000)));
    await expect(verifier.verify(token)).rejects.toMatchObject({ detail: 'The token has expired' });
  });

  it('remembers no failure: a bad token is verified, and refused, every time', async () => {
    const pair = await keyPair('k1');
    const other = await keyPair('k1');
    const { keys, verifier } = countedKeys(pair.jwks);
    const forged = await other.sign();
    for (let i = 0; i < 3; i++) await expect(verifier.verify(forged)).rejects.toBeInstanceOf(DomainError);
    expect(keys.lookups).toBe(3);
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
