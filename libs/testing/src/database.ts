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

/** A new, empty database for one test suite; `drop()` removes it even if connections linger. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`);
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
