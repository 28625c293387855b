import { context, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import { DomainError } from '@ofm/platform';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import { Column, Entity, PrimaryColumn, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  AuditRecord,
  createDataSource,
  databaseCheck,
  expectVersion,
  inTransaction,
  persistenceEntities,
  persistenceMigrations,
  recordAudit,
  runMigrations,
} from '../src';

// A service-side entity and migration, to prove lib migrations run first and share the transaction.
@Entity({ name: 'mission' })
class Mission {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('int') version!: number;
}

class CreateMission1710000000000 implements MigrationInterface {
  name = 'CreateMission1710000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE mission (id uuid PRIMARY KEY, name text NOT NULL, version int NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mission');
  }
}

const officer = { subject: 'officer-1', roles: ['ofm-officer'] };
const missionId = '4b0cf8a2-3b1e-4c57-9d7e-6a1f0e2d9c11';

describe('@ofm/persistence against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let applied: string[];

  beforeAll(async () => {
    db = await createTestDatabase('persistence');
    ds = createDataSource({
      url: db.url,
      entities: [...persistenceEntities, Mission],
      migrations: [...persistenceMigrations, CreateMission1710000000000],
      applicationName: 'ofm-persistence-test',
      poolSize: 4,
    });
    applied = await runMigrations(ds);
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  const auditCount = async (): Promise<number> => {
    const [row] = await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_record WHERE entity_id = $1', [
      missionId,
    ]);
    return row!.n;
  };

  it('applies the lib migration before the service migrations, once', async () => {
    expect(applied).toEqual([
      'PersistenceAuditRecord1700000000000',
      'PersistenceCommandReceipt1700000000300',
      'CreateMission1710000000000',
    ]);
    expect(await runMigrations(ds)).toEqual([]);
    const [table] = await ds.query<{ n: number }[]>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(table!.n).toBe(3);
  });

  it('creates audit_record with its index on (entity_type, entity_id) and uuid defaults', async () => {
    const indexes = await ds.query<{ indexdef: string }[]>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_record'",
    );
    expect(indexes.map((i) => i.indexdef)).toContainEqual(expect.stringContaining('(entity_type, entity_id)'));
    const [row] = await ds.query<{ id: string }[]>(
      "INSERT INTO audit_record (actor_subject, action, entity_type, entity_id) VALUES ('s', 'a', 't', 'x') RETURNING id",
    );
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    await ds.query("DELETE FROM audit_record WHERE entity_id = 'x'");
  });

  it('leaves no audit record when the transaction rolls back', async () => {
    await expect(
      inTransaction(ds, async (em) => {
        await em.insert(Mission, { id: missionId, name: 'Embassy of France', version: 1 });
        await recordAudit(em, {
          actor: officer,
          action: 'mission.registered',
          entityType: 'mission',
          entityId: missionId,
          before: null,
          after: { name: 'Embassy of France' },
        });
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await auditCount()).toBe(0);
    expect(await ds.getRepository(Mission).countBy({ id: missionId })).toBe(0);
  });

  it('keeps the audit record with the change when the transaction commits', async () => {
    new node.NodeTracerProvider().register();
    const span = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    });
    try {
      await context.with(trace.setSpan(context.active(), span), () =>
        inTransaction(ds, async (em) => {
          await em.insert(Mission, { id: missionId, name: 'Embassy of France', version: 1 });
          await recordAudit(em, {
            actor: officer,
            action: 'mission.registered',
            entityType: 'mission',
            entityId: missionId,
            before: null,
            after: { name: 'Embassy of France', openedOn: new Date('2024-01-02T00:00:00Z') },
            reason: 'notification received',
          });
        }),
      );
    } finally {
      context.disable();
      trace.disable();
    }
    const records = await ds.getRepository(AuditRecord).findBy({ entityId: missionId });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actorSubject: 'officer-1',
      actorRoles: ['ofm-officer'],
      action: 'mission.registered',
      entityType: 'mission',
      before: null,
      after: { name: 'Embassy of France', openedOn: '2024-01-02T00:00:00.000Z' },
      reason: 'notification received',
      traceId: '0af7651916cd43dd8448eb211c80319c',
    });
    expect(records[0]!.occurredAt).toBeInstanceOf(Date);
  });

  it('refuses to record an audit outside a transaction', async () => {
    await expect(
      recordAudit(ds.manager, {
        actor: officer,
        action: 'x',
        entityType: 'mission',
        entityId: missionId,
        before: null,
        after: null,
      }),
    ).rejects.toThrow('inside the transaction');
  });

  it('answers a stale version with a conflict and changes nothing', async () => {
    const update = (expected: number) =>
      inTransaction(ds, async (em) => {
        const mission = await em.findOneOrFail(Mission, {
          where: { id: missionId },
          lock: { mode: 'pessimistic_write' },
        });
        expectVersion(mission.version, expected);
        await em.update(Mission, { id: missionId }, { name: `renamed at ${expected}`, version: mission.version + 1 });
        await recordAudit(em, {
          actor: officer,
          action: 'mission.renamed',
          entityType: 'mission',
          entityId: missionId,
          before: mission,
          after: { version: mission.version + 1 },
        });
      });
    await update(1);
    await expect(update(1)).rejects.toThrow(DomainError);
    await expect(update(1)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await ds.getRepository(Mission).findOneByOrFail({ id: missionId })).toMatchObject({
      version: 2,
      name: 'renamed at 1',
    });
    expect(await auditCount()).toBe(2);
  });

  it('reports the database healthy while connected, and not once closed', async () => {
    await expect(databaseCheck(ds)()).resolves.toBeUndefined();
    const other = createDataSource({
      url: db.url,
      entities: [],
      migrations: [],
      applicationName: 'ofm-persistence-check',
    });
    await expect(databaseCheck(other)()).rejects.toThrow('not initialized');
    await other.initialize();
    await expect(databaseCheck(other)()).resolves.toBeUndefined();
    await other.destroy();
    await expect(databaseCheck(other)()).rejects.toThrow();
  });
});
