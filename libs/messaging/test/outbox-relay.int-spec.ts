import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, deadLetterTopic } from '@ofm/contracts';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';
import { Client } from 'pg';
import { register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { KafkaMessageBus, OutboxRelay, provisionTopics, publishEvent } from '../src';
import { accredited, collectingLogger, TEST_SOURCE } from './support/events';
import { countRows, openDataSource } from './support/messaging-db';

jest.setTimeout(90_000);

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

describe('outbox relay', () => {
  const logger = collectingLogger();
  let db: TestDatabase;
  let ds: DataSource;
  let bus: KafkaMessageBus;
  let admin: Client;
  const relays: OutboxRelay[] = [];

  const write = (topic: string) =>
    ds.transaction(async (em) => {
      const subject = randomUUID();
      return (
        await publishEvent(em, {
          type: EVENT_TYPES.memberAccredited,
          subject,
          data: accredited(subject),
          topic,
          source: TEST_SOURCE,
        })
      ).id;
    });
  const isPublished = async (id: string) =>
    (await countRows(ds, 'SELECT count(*)::int AS n FROM outbox_event WHERE id = $1 AND published_at IS NOT NULL', [
      id,
    ])) === 1;
  const listenBackends = async (): Promise<number[]> =>
    // Listening connections whose LISTEN has gone through.
    (
      (
        await admin.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE '%-outbox-listen' AND query = 'LISTEN ofm_outbox'`,
          [db.name],
        )
      ).rows as { pid: number }[]
    ).map((r) => r.pid);

  beforeAll(async () => {
    db = await createTestDatabase('outbox_relay');
    ds = await openDataSource(db.url);
    // Few retries: the failure test publishes to a topic that does not exist yet.
    bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: 'outbox-relay-test',
      logger,
      kafka: { retry: { retries: 1, initialRetryTime: 100 } },
    });
    admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
  });

  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop();
  });

  afterAll(async () => {
    await admin?.end();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('is woken by the NOTIFY of the commit, and LISTENs again after its connection is killed', async () => {
    const topic = uniqueName('test.relay-notify');
    await provisionTopics(bus, [topic, deadLetterTopic(topic)]);
    // Polling every ten minutes: only NOTIFY can make these events go out within the test.
    const relay = new OutboxRelay({ dataSource: ds, bus, pollIntervalMs: 600_000, logger });
    relays.push(relay);
    relay.start();
    const [listener] = await waitFor(
      async () => {
        const pids = await listenBackends();
        return pids.length === 1 ? pids : undefined;
      },
      { what: 'the LISTEN connection' },
    );

    const first = await write(topic);
    await waitFor(() => isPublished(first), { what: 'the first event published on NOTIFY' });

    await admin.query('SELECT pg_terminate_backend($1)', [listener]);
    await waitFor(
      async () => {
        const pids = await listenBackends();
        return pids.length === 1 && pids[0] !== listener;
      },
      { what: 'a new LISTEN connection' },
    );
    const second = await write(topic);
    await waitFor(() => isPublished(second), { what: 'the second event published on NOTIFY after reconnecting' });
    expect(logger.lines.some((l) => l.includes('LISTEN connection lost'))).toBe(true);
  });

  it('records failed attempts on the rows, reports not ready, and recovers', async () => {
    const topic = uniqueName('test.relay-missing-topic');
    const id = await write(topic);
    const relay = new OutboxRelay({ dataSource: ds, bus, retryInitialDelayMs: 50, retryMaxDelayMs: 200, logger });
    relays.push(relay);
    relay.start();

    const [row] = await waitFor(
      async () => {
        const rows = (await ds.query('SELECT attempts, last_error, published_at FROM outbox_event WHERE id = $1', [
          id,
        ])) as {
          attempts: number;
          last_error: string | null;
          published_at: Date | null;
        }[];
        return rows[0]!.attempts >= 1 ? rows : undefined;
      },
      { what: 'a failed attempt recorded' },
    );
    expect(row!.last_error).toEqual(expect.any(String));
    expect(row!.published_at).toBeNull();
    await expect(relay.check()).rejects.toThrow(/outbox relay:/);

    await provisionTopics(bus, [topic]);
    await waitFor(() => isPublished(id), { timeoutMs: 60_000, what: 'the event published once the topic exists' });
    await waitFor(async () => relay.check().then(() => true), { what: 'the relay to be healthy again' });
    const [after] = (await ds.query('SELECT last_error FROM outbox_event WHERE id = $1', [id])) as {
      last_error: string | null;
    }[];
    expect(after!.last_error).toBeNull();
  });

  it('counts what is pending', async () => {
    const topic = uniqueName('test.relay-pending');
    const ids = await Promise.all([write(topic), write(topic)]);
    await ds.query(`UPDATE outbox_event SET published_at = now() WHERE id = $1`, [ids[0]]);
    await ds.query(`UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL AND id <> $1`, [ids[1]]);
    const relay = new OutboxRelay({ dataSource: ds, bus, logger });

    expect(await relay.pending()).toBe(1);
    expect(await register.metrics()).toMatch(/^ofm_outbox_pending 1$/m);
  });
});
