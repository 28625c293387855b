import { Kafka, logLevel } from 'kafkajs';
import { EVENT_TYPES } from '@ofm/contracts';
import { messagingEntities, messagingMigrations, onEvent, publishEvent, startMessaging } from '@ofm/messaging';
import { createDataSource, inTransaction, runMigrations } from '@ofm/persistence';
import { createTestDatabase, ensureTestTopics, testKafkaBrokers, uniqueName, uniqueTopic, waitFor } from '@ofm/testing';
import { percentile, round, table } from './stats';

// Outbox commit → consumer effect latency at a steady 500 events/s, beside a bare kafkajs
// produce → consume at the same rate on the same broker, in the same run.
const rate = 500;
const seconds = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const warmupSeconds = 2;

/** Calls `send(i)` `rate` times a second for `seconds`, in ticks of 10 ms, never bursting to catch up. */
async function paced(send: (i: number) => Promise<void>): Promise<number> {
  const total = rate * seconds;
  const perTick = rate / 100;
  const started = Date.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 10 + 1) * perTick));
    const batch: Promise<void>[] = [];
    for (; sent < due; sent++) batch.push(send(sent));
    await Promise.all(batch);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return total;
}

const summarise = (latencies: number[]) => ({
  p50: round(percentile(latencies, 50), 1),
  p99: round(percentile(latencies, 99), 1),
  n: latencies.length,
});

async function outboxToInbox() {
  const db = await createTestDatabase('bench_outbox');
  const dataSource = createDataSource({
    url: db.url,
    entities: [...messagingEntities],
    migrations: [...messagingMigrations],
    applicationName: 'bench',
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.query(
    'CREATE TABLE bench_effect (event_id uuid PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())',
  );
  const topic = uniqueTopic('bench-outbox');
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  const warmupEnds = Date.now() + warmupSeconds * 1000;
  const messaging = await startMessaging({
    serviceName: uniqueName('bench'),
    dataSource,
    brokers: testKafkaBrokers(),
    consumers: [
      {
        topics: [topic],
        handlers: onEvent(EVENT_TYPES.flagRaised, async (event, em) => {
          await em.query('INSERT INTO bench_effect (event_id) VALUES ($1)', [event.id]);
          const committed = committedAt.get(event.id);
          if (committed !== undefined && committed > warmupEnds) latencies.push(Date.now() - committed);
        }),
      },
    ],
  });
  await messaging.ready;
  try {
    const total = await paced(async (i) => {
      const ref = await inTransaction(dataSource, (em) =>
        publishEvent(em, {
          type: EVENT_TYPES.flagRaised,
          topic,
          subject: `bench-${i % 50}`,
          data: { flag: { id: `f${i}`, reasonCode: 'bench' } as never },
        }),
      );
      committedAt.set(ref.id, Date.now());
    });
    await waitFor(
      async () => Number((await dataSource.query('SELECT count(*) AS n FROM bench_effect'))[0].n) >= total,
      { timeoutMs: 60_000, what: 'every bench event to take effect' },
    );
    return summarise(latencies);
  } finally {
    await messaging.stop();
    await dataSource.destroy();
    await db.drop();
  }
}

async function bareKafka() {
  const topic = uniqueTopic('bench-bare');
  await ensureTestTopics([topic]);
  const kafka = new Kafka({ clientId: 'bench-bare', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: uniqueName('bench-bare') });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const latencies: number[] = [];
  let received = 0;
  const warmupEnds = Date.now() + warmupSeconds * 1000;
  await consumer.run({
    eachMessage: async ({ message }) => {
      received++;
      const sentAt = Number(message.value?.toString());
      if (sentAt > warmupEnds) latencies.push(Date.now() - sentAt);
    },
  });
  try {
    const total = await paced(async (i) => {
      await producer.send({ topic, messages: [{ key: `bench-${i % 50}`, value: String(Date.now()) }] });
    });
    await waitFor(() => received >= total, { timeoutMs: 60_000, what: 'every bare message to arrive' });
    return summarise(latencies);
  } finally {
    await Promise.all([producer.disconnect(), consumer.disconnect()]);
  }
}

export async function benchOutboxLatency() {
  const outbox = await outboxToInbox();
  const bare = await bareKafka();
  return { outbox, bare };
}

export function reportOutboxLatency(r: Awaited<ReturnType<typeof benchOutboxLatency>>): string {
  return [
    `Event latency at ${rate} events/s for ${seconds} s (first ${warmupSeconds} s discarded):`,
    table([
      {
        path: 'outbox commit → relay → Kafka → inbox + effect',
        'p50 ms': r.outbox.p50,
        'p99 ms': r.outbox.p99,
        events: r.outbox.n,
      },
      {
        path: 'bare kafkajs produce → consume (baseline)',
        'p50 ms': r.bare.p50,
        'p99 ms': r.bare.p99,
        events: r.bare.n,
      },
    ]),
  ].join('\n');
}
