import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const DEV_AUTH_DIR = join('.local', 'dev-auth');
export const DEV_ALG = 'ES256';

export interface DevKeyFiles {
  dir: string;
  privateKeyFile: string;
  jwksFile: string;
}

export const devKeyFiles = (repoRoot: string): DevKeyFiles => {
  const dir = join(repoRoot, DEV_AUTH_DIR);
  return { dir, privateKeyFile: join(dir, 'private.jwk.json'), jwksFile: join(dir, 'jwks.json') };
};

// Returns the local development signing key, creating the pair on first use. Two CLIs racing on a
// fresh checkout must end with one key: the private key is published with link(), which fails when
// the file already exists, and the JWKS is always derived from the key that won.
export const ensureDevKey = async (files: DevKeyFiles): Promise<JWK> => {
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  if (!existsSync(files.privateKeyFile)) {
    const { privateKey } = await generateKeyPair(DEV_ALG, { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    const tmp = `${files.privateKeyFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...jwk, kid, alg: DEV_ALG, use: 'sig' }, null, 2) + '\n', { mode: 0o600 });
    try {
      linkSync(tmp, files.privateKeyFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  chmodSync(files.privateKeyFile, 0o600);
  const privateJwk = JSON.parse(readFileSync(files.privateKeyFile, 'utf8')) as JWK;
  writeJwksIfChanged(files.jwksFile, publicJwk(privateJwk));
  return privateJwk;
};

export const publicJwk = (privateJwk: JWK): JWK => {
  const { d: _d, ...pub } = privateJwk;
  return pub;
};

// Written through a rename so that the gateway, which re-reads the file, never sees half of it.
const writeJwksIfChanged = (file: string, pub: JWK): void => {
  const content = JSON.stringify({ keys: [pub] }, null, 2) + '\n';
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o644 });
  renameSync(tmp, file);
};
