import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  createDataSource,
  inTransaction,
  persistenceEntities,
  persistenceMigrations,
  recordAudit,
  runMigrations,
} from '../src';

// The round trips of a command's transaction are its cost on the write path
// (docs/operations/write-path.md): these tests hold the statements persistence sends to what they
// are, against a real PostgreSQL, and check that nothing was given up for them.
describe('persistence on the write path', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const statements: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('write_path');
    ds = createDataSource({
      url: db.url,
      entities: [...persistenceEntities],
      migrations: [...persistenceMigrations],
      applicationName: 'ofm-write-path-test',
      poolSize: 2,
    });
    await runMigrations(ds);
    // Every statement of every query runner, as sent: a recording wrapper, the queries still run.
    const create = ds.createQueryRunner.bind(ds);
    ds.createQueryRunner = (mode) => {
      const qr: QueryRunner = create(mode);
      const query = qr.query.bind(qr);
      qr.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql);
        return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as QueryRunner['query'];
      return qr;
    };
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  beforeEach(() => statements.splice(0));

  it('starts a transaction in one statement, at READ COMMITTED', async () => {
    const level = await inTransaction(ds, async (em) => {
      const [row] = (await em.query('SHOW transaction_isolation')) as { transaction_isolation: string }[];
      return row?.transaction_isolation;
    });
    expect(level).toBe('read committed');
    expect(statements).toEqual(['START TRANSACTION', 'SHOW transaction_isolation', 'COMMIT']);
  });

  it('records an audit entry in one INSERT, with its snapshots, roles and id as the row holds them', async () => {
    const record = await inTransaction(ds, (em) =>
      recordAudit(em, {
        actor: { subject: 'officer-1', roles: ['ofm-officer', 'ofm-admin'] },
        action: 'member.notified',
        entityType: 'member',
        entityId: 'm-1',
        before: null,
        after: { status: 'notified', on: new Date('2026-01-02T03:04:05Z') },
      }),
    );
    expect(statements.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    const [row] = (await ds.query(
      'SELECT id, actor_subject, actor_roles, before, after, reason, occurred_at FROM audit_record WHERE entity_id = $1',
      ['m-1'],
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      id: record.id,
      actor_subject: 'officer-1',
      actor_roles: ['ofm-officer', 'ofm-admin'],
      before: null,
      after: { status: 'notified', on: '2026-01-02T03:04:05.000Z' },
      reason: null,
      occurred_at: record.occurredAt,
    });
    expect(record.after).toEqual({ status: 'notified', on: '2026-01-02T03:04:05.000Z' });
  });
});
