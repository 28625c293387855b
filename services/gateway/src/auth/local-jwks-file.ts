import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '@ofm/platform';
import type { KeySet } from './key-set';

/** How often at most a token whose key is missing makes us look at the file ourselves. */
const RECHECK_COOLDOWN_MS = 250;

// Development mode: the JWKS file written by `ofm token`. The file is watched (inotify on its
// directory, which also sees it replaced by a rename) instead of stat'ed on every request — that stat
// was 9% of the gateway's time under load. Watch events can be missed (the directory did not exist
// yet, a file system without inotify), so a token whose key is not in the loaded set also makes us
// look at the file, at most every RECHECK_COOLDOWN_MS: a gateway started before the first
// `ofm token` still accepts it. Each change bumps `version`, so cached verifications are dropped and
// a key removed from the file stops being accepted at once.
export class LocalJwksFile implements KeySet {
  private loaded: { mtimeMs: number; size: number; getKey: JWTVerifyGetKey } | undefined;
  private watcher: FSWatcher | undefined;
  private lastCheck = 0;
  private changes = 0;

  constructor(private readonly path: string) {
    this.check();
  }

  version(): number {
    return this.changes;
  }

  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    if (!this.loaded) this.recheck();
    if (!this.loaded) throw unauthenticated('No development signing key yet: mint a token with `npx ofm token`');
    try {
      return await this.loaded.getKey(header, token);
    } catch (error) {
      if (!(error instanceof joseErrors.JWKSNoMatchingKey) || !this.recheck() || !this.loaded) throw error;
      return this.loaded.getKey(header, token);
    }
  };

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Looks at the file unless it was looked at just now; true if the keys changed. */
  private recheck(): boolean {
    if (Date.now() - this.lastCheck < RECHECK_COOLDOWN_MS) return false;
    return this.check();
  }

  private check(): boolean {
    this.lastCheck = Date.now();
    this.ensureWatching();
    let mtimeMs: number;
    let size: number;
    try {
      ({ mtimeMs, size } = statSync(this.path));
    } catch {
      // No file: no key is trusted any more (deleting the file revokes every development token).
      if (!this.loaded) return false;
      this.loaded = undefined;
      this.changes++;
      return true;
    }
    if (this.loaded && this.loaded.mtimeMs === mtimeMs && this.loaded.size === size) return false;
    let jwks: JSONWebKeySet;
    try {
      jwks = JSON.parse(readFileSync(this.path, 'utf8')) as JSONWebKeySet;
    } catch {
      return false; // caught half-written: the write's own event comes next
    }
    this.loaded = { mtimeMs, size, getKey: createLocalJWKSet(jwks) };
    this.changes++;
    return true;
  }

  private ensureWatching(): void {
    if (this.watcher) return;
    try {
      // persistent: false, so the watch never keeps a gateway (or a test) from exiting.
      this.watcher = watch(dirname(this.path), { persistent: false }, (_event, filename) => {
        if (filename === null || filename === basename(this.path)) this.check();
      });
      this.watcher.on('error', () => this.close());
    } catch {
      this.watcher = undefined; // the directory does not exist yet: the next recheck tries again
    }
  }
}
