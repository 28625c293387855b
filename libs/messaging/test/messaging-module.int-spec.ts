import { randomUUID } from 'node:crypto';
import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_TYPES } from '@ofm/contracts';
import {
  PeriodicJobs,
  PersistenceModule,
  runMigrations,
  serviceDataSource,
  type ServiceDatabase,
} from '@ofm/persistence';
import { bootstrapService, createNestLogger, PlatformModule } from '@ofm/platform';
import { createTestDatabase, freePort, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';
import { DataSource } from 'typeorm';
import {
  messagingEntities,
  messagingMigrations,
  MessagingModule,
  MessagingService,
  onEvent,
  publishEvent,
  type ConsumerSpec,
  type EventConsumer,
  type MessagingConfig,
} from '../src';
import { accredited } from './support/events';
import { applyEffect, countRows, TestEffect1800000000000 } from './support/messaging-db';

jest.setTimeout(120_000);

const topic = uniqueName('test.messaging-module');

// A consumer as a service writes one: a provider of its own module, found by MessagingModule.
@Injectable()
class EffectConsumer implements EventConsumer {
  consumer(): ConsumerSpec {
    return {
      topics: [topic],
      handlers: onEvent(EVENT_TYPES.memberAccredited, (e, em) => applyEffect(em, e.id, e.subject)),
    };
  }
}

const config = (brokers: string[], group?: string): MessagingConfig => ({
  KAFKA_BROKERS: brokers,
  KAFKA_CONSUMER_GROUP: group,
  OUTBOX_RETENTION_DAYS: 7,
  INBOX_RETENTION_DAYS: 14,
  KAFKA_TOPIC_RETENTION_DAYS: 7,
});

describe('MessagingModule in a service', () => {
  const serviceName = uniqueName('kit').replace(/_/g, '-');
  let database: ServiceDatabase;
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  // The wiring of a service, minus its domain: platform, database, messaging.
  const start = async (messaging: MessagingConfig): Promise<{ app: NestFastifyApplication; url: string }> => {
    const port = await freePort();
    const module = (): DynamicModule => ({
      module: KitModule,
      imports: [
        PlatformModule.forRoot({ serviceName }),
        PersistenceModule.forRoot({ database, connection: { url: db.url, poolSize: 4 } }),
        MessagingModule.forRoot({ serviceName, config: messaging, consumers: [EffectConsumer] }),
      ],
      providers: [EffectConsumer],
    });
    @Module({})
    class KitModule {}
    const app = await bootstrapService({
      name: serviceName,
      module: module(),
      httpPort: port,
      logger: createNestLogger(serviceName),
      exitOnError: false,
    });
    apps.push(app);
    return { app, url: `http://127.0.0.1:${port}` };
  };
  const readiness = async (url: string) => {
    const response = await fetch(`${url}/health/ready`);
    return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
  };

  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    db = await createTestDatabase('messaging_module');
    database = {
      serviceName,
      entities: messagingEntities,
      migrations: [...messagingMigrations, TestEffect1800000000000],
    };
    const migrator = serviceDataSource(database, { url: db.url, poolSize: 1 });
    await runMigrations(migrator);
    await migrator.destroy();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  it('stays not ready, naming messaging, while Kafka cannot be reached', async () => {
    const { app, url } = await start(config(['127.0.0.1:1']));
    await waitFor(async () => (await readiness(url)).status === 503, { what: 'readiness 503' });
    expect(Object.keys((await readiness(url)).body.error ?? {})).toEqual(['messaging']);
    await app.close();
  });

  it('relays, consumes in the group ofm.<service>, is ready, and exports the table sizes and job runs', async () => {
    const { app, url } = await start(config(testKafkaBrokers()));
    const messaging = app.get(MessagingService);
    await messaging.ready();
    await waitFor(async () => (await readiness(url)).status === 200, { what: 'readiness 200' });

    const ds = app.get(DataSource);
    const subject = randomUUID();
    const { id } = await ds.transaction((em) =>
      publishEvent(em, { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), topic }),
    );
    await waitFor(
      async () => (await countRows(ds, 'SELECT count(*)::int AS n FROM effect WHERE event_id = $1', [id])) === 1,
      {
        what: 'the event relayed and consumed',
      },
    );
    const [inbox] = (await ds.query('SELECT consumer_group FROM inbox_event WHERE event_id = $1', [id])) as {
      consumer_group: string;
    }[];
    expect(inbox!.consumer_group).toBe(`ofm.${serviceName}`);

    const jobs = app.get(PeriodicJobs);
    expect(jobs.names()).toEqual(['messaging.outbox-retention', 'messaging.inbox-retention', 'messaging.table-rows']);
    await expect(jobs.run('messaging.inbox-retention')).resolves.toBe('ran');
    await expect(jobs.run('messaging.table-rows')).resolves.toBe('ran');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^ofm_messaging_table_rows\{table="outbox_event"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ofm_messaging_table_rows\{table="inbox_event"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ofm_periodic_job_runs_total\{job="messaging\.inbox-retention",outcome="ran"\} [1-9]/m);

    await app.close();
    expect(ds.isInitialized).toBe(false);
  });

  it('uses KAFKA_CONSUMER_GROUP when it is set', async () => {
    const group = uniqueName('ofm.kit-override');
    const { app } = await start(config(testKafkaBrokers(), group));
    await app.get(MessagingService).ready();
    const ds = app.get(DataSource);
    const subject = randomUUID();
    const { id } = await ds.transaction((em) =>
      publishEvent(em, { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), topic }),
    );
    const groups = await waitFor(
      async () => {
        const rows = (await ds.query('SELECT consumer_group FROM inbox_event WHERE event_id = $1', [id])) as {
          consumer_group: string;
        }[];
        return rows.length > 0 ? rows.map((r) => r.consumer_group) : undefined;
      },
      { what: 'the event consumed' },
    );
    expect(groups).toEqual([group]);
    await app.close();
  });

  it('refuses a configuration whose inbox forgets ids before Kafka forgets the events', () => {
    expect(() =>
      MessagingModule.forRoot({ serviceName, config: { ...config(testKafkaBrokers()), INBOX_RETENTION_DAYS: 3 } }),
    ).toThrow('INBOX_RETENTION_DAYS: must be at least KAFKA_TOPIC_RETENTION_DAYS (7)');
  });
});
