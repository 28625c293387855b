import { Injectable, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService, createNestLogger, PlatformModule } from '@ofm/platform';
import { createTestDatabase, freePort, testAdminUrl, waitFor, type TestDatabase } from '@ofm/testing';
import { Client } from 'pg';
import { Column, DataSource, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { PeriodicJobs, PersistenceModule, runMigrationsMain, type ServiceDatabase } from '../src';

@Entity({ name: 'thing' })
class Thing {
  @PrimaryColumn('int') id!: number;
  @Column('text') name!: string;
}

class CreateThing1710000000000 implements MigrationInterface {
  name = 'CreateThing1710000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE thing (id int PRIMARY KEY, name text NOT NULL)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE thing');
  }
}

const database: ServiceDatabase = {
  serviceName: 'kit-test',
  entities: [Thing],
  migrations: [CreateThing1710000000000],
};

// What a service of the kit gets from PersistenceModule, through a real app on a real database.
@Injectable()
class Things {
  constructor(readonly dataSource: DataSource) {}
}

describe('PersistenceModule', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let admin: Client;
  let baseUrl: string;

  const ready = async (): Promise<number> => (await fetch(`${baseUrl}/health/ready`)).status;
  const sessions = async (): Promise<number> =>
    (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'ofm-kit-test'`,
        [db.name],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    db = await createTestDatabase('persistence_module');
    // Outside the database, so that it can refuse connections.
    admin = new Client({ connectionString: testAdminUrl() });
    await admin.connect();
  });

  afterAll(async () => {
    await app?.close();
    await admin?.end();
    await db?.drop();
  });

  it('migrates only through its own entry point, which says why it failed', async () => {
    const exitCode = process.exitCode;
    try {
      await runMigrationsMain(database, { DATABASE_URL: 'not a url' });
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode;
    }
    await runMigrationsMain(database, { DATABASE_URL: db.url });
    expect(process.exitCode).toBe(exitCode);
    const own = new Client({ connectionString: db.url });
    await own.connect();
    const applied = await own.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
    await own.end();
    expect(applied.rows.map((r) => r.name)).toEqual([
      'PersistenceAuditRecord1700000000000',
      'PersistenceCommandReceipt1700000000300',
      'CreateThing1710000000000',
    ]);
  });

  it('wires the DataSource (application name, pool size, no synchronize, no migrations run), readiness and the receipt purge', async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    @Module({
      imports: [
        PlatformModule.forRoot({ serviceName: 'kit-test' }),
        PersistenceModule.forRoot({
          database,
          connection: { url: db.url, poolSize: 3 },
          commandReceiptRetentionDays: 7,
        }),
      ],
      providers: [Things],
    })
    class KitTestModule {}
    app = await bootstrapService({
      name: 'kit-test',
      module: KitTestModule,
      httpPort: port,
      logger: createNestLogger('kit-test'),
      exitOnError: false,
    });
    const ds = app.get(Things).dataSource;
    expect(ds.isInitialized).toBe(true);
    expect(ds.options).toMatchObject({
      synchronize: false,
      migrationsRun: false,
      poolSize: 3,
      applicationName: 'ofm-kit-test',
    });
    await ds.getRepository(Thing).insert({ id: 1, name: 'a' });
    expect(await sessions()).toBeGreaterThanOrEqual(1);
    expect(await ready()).toBe(200);
    expect(app.get(PeriodicJobs).names()).toEqual(['persistence.command-receipt-purge']);
    await expect(app.get(PeriodicJobs).run('persistence.command-receipt-purge')).resolves.toBe('ran');
  });

  it('answers not ready while the database refuses connections, and ready again once it is back', async () => {
    await admin.query(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS false`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'ofm-kit-test'`,
      [db.name],
    );
    try {
      await waitFor(async () => (await ready()) === 503, { what: 'readiness 503 without the database' });
      const body = (await (await fetch(`${baseUrl}/health/ready`)).json()) as { error: Record<string, unknown> };
      expect(Object.keys(body.error)).toEqual(['database']);
    } finally {
      await admin.query(`ALTER DATABASE "${db.name}" WITH ALLOW_CONNECTIONS true`);
    }
    await waitFor(async () => (await ready()) === 200, { what: 'readiness 200 with the database back' });
  });

  it('closes the pool when the application stops', async () => {
    const ds = app.get(Things).dataSource;
    await app.close();
    expect(ds.isInitialized).toBe(false);
    await waitFor(async () => (await sessions()) === 0, { what: 'no session of the service left' });
  });
});
