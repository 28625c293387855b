import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';

export interface TestIssuer {
  issuer: string;
  audience: string;
  /** A JWKS file the gateway trusts in development-auth mode (AUTH_DEV_JWKS_PATH). */
  jwksPath: string;
  token(
    claims: { sub?: string; roles?: string[]; mission_id?: string },
    options?: { expiresIn?: string | number; issuer?: string },
  ): Promise<string>;
}

/** A real ES256 key pair and issuer, so auth tests exercise the gateway's real verification. */
export async function createTestIssuer(
  issuer = 'https://auth.ofm.local/dev',
  audience = 'ofm-platform',
): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwksPath = join(mkdtempSync(join(tmpdir(), 'ofm-jwks-')), 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ keys: [jwk] }));
  return {
    issuer,
    audience,
    jwksPath,
    token: (claims, options = {}) =>
      new SignJWT({ ...claims } as JWTPayload)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setSubject(claims.sub ?? 'test-user')
        .setIssuer(options.issuer ?? issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(privateKey),
  };
}
