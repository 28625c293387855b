import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { devKeyFiles, ensureDevKey } from './dev-keys';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintDevToken, validateTokenRequest } from './dev-token';

const MISSION = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';

describe('development tokens', () => {
  const repo = mkdtempSync(join(tmpdir(), 'ofm-cli-token-'));
  const files = devKeyFiles(repo);
  const jwks = (): JSONWebKeySet => JSON.parse(readFileSync(files.jwksFile, 'utf8')) as JSONWebKeySet;

  it('creates the key pair on first use: a private JWK readable by its owner only and a public JWKS', async () => {
    const key = await ensureDevKey(files);
    expect(files.privateKeyFile).toBe(join(repo, '.local', 'dev-auth', 'private.jwk.json'));
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(key.d).toBeDefined();
    const [pub] = jwks().keys;
    expect(pub).toMatchObject({ kty: 'EC', crv: 'P-256', kid: key.kid, alg: 'ES256', use: 'sig' });
    expect(pub).not.toHaveProperty('d');
  });

  it('reuses the existing key on later runs', async () => {
    const first = await ensureDevKey(files);
    const second = await ensureDevKey(files);
    expect(second).toEqual(first);
    expect(jwks().keys).toHaveLength(1);
  });

  it('mints an ES256 token that verifies against the written JWKS with the dev issuer and audience', async () => {
    const key = await ensureDevKey(files);
    const token = await mintDevToken(key, { roles: ['mission-user', 'auditor'], missionId: MISSION, subject: 'alice' });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: key.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks()), {
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      algorithms: ['ES256'],
    });
    expect(payload).toMatchObject({ sub: 'alice', roles: ['mission-user', 'auditor'], mission_id: MISSION });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('honours --ttl, --issuer and --audience and defaults the subject from the role', async () => {
    const key = await ensureDevKey(files);
    const token = await mintDevToken(key, {
      roles: ['ofm-officer'],
      ttl: '15m',
      issuer: 'https://idp.example',
      audience: 'other',
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks()), {
      issuer: 'https://idp.example',
      audience: 'other',
    });
    expect(payload.sub).toBe('dev-ofm-officer');
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(payload).not.toHaveProperty('mission_id');
    await expect(
      jwtVerify(token, createLocalJWKSet(jwks()), { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }),
    ).rejects.toThrow();
  });

  it('does not verify against another key pair', async () => {
    const key = await ensureDevKey(files);
    const token = await mintDevToken(key, { roles: ['auditor'] });
    const other = devKeyFiles(mkdtempSync(join(tmpdir(), 'ofm-cli-other-')));
    await ensureDevKey(other);
    const otherJwks = JSON.parse(readFileSync(other.jwksFile, 'utf8')) as JSONWebKeySet;
    await expect(jwtVerify(token, createLocalJWKSet(otherJwks))).rejects.toThrow();
  });

  describe('request validation', () => {
    it.each(['ofm-admin', 'ofm-officer', 'law-enforcement', 'auditor'])('accepts role %s', (role) => {
      expect(validateTokenRequest({ roles: [role] })).toEqual([role]);
    });

    it('accepts mission-user with a mission id and removes duplicate roles', () => {
      expect(validateTokenRequest({ roles: ['mission-user', 'mission-user'], missionId: MISSION })).toEqual([
        'mission-user',
      ]);
    });

    it.each([
      [{ roles: [] }, /at least one --role/],
      [{ roles: ['admin'] }, /unknown role admin/],
      [{ roles: ['mission-user'] }, /mission-user needs --mission/],
      [{ roles: ['auditor'], missionId: 'embassy-1' }, /--mission must be a mission id/],
      [{ roles: ['auditor'], ttl: 'forever' }, /--ttl must look like/],
    ])('refuses %j', (request, message) => {
      expect(() => validateTokenRequest(request)).toThrow(message);
    });
  });
});
