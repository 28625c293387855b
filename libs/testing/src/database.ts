import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// Tests create their databases as the ofm_test role (CREATEDB, no superuser), which the local
// infrastructure scripts provision; CI and developers point elsewhere with TEST_DATABASE_ADMIN_URL.
export const testAdminUrl = (): string =>
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://ofm_test:ofm_test@127.0.0.1:5432/postgres';

export const uniqueName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// 42501: the admin role may not end another role's session (an autovacuum worker, when the role
// lacks pg_signal_backend); 55006: a session is still open. Both pass once that session ends.
const TRANSIENT_DROP_ERRORS = new Set(['42501', '55006']);

async function dropDatabase(name: string, attempts = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= attempts || !code || !TRANSIENT_DROP_ERRORS.has(code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** A new, empty database for one test suite; `drop()` removes it even if connections linger. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}
