import { deadLetterTopic } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import { KafkaMessageBus, OutboxRelay, provisionTopics, type MessageBus, type OutgoingBatch } from '../src';
import { collectingLogger, writeEvents } from './support/events';
import { countRows, openDataSource } from './support/messaging-db';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';

jest.setTimeout(90_000);

const EVENTS = 3000;

// The real Kafka bus, made a little slow to publish so that two relays surely work at the same time.
const slowed = (bus: MessageBus, ms: number): MessageBus => ({
  publish: async (batches: OutgoingBatch[]) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await bus.publish(batches);
  },
  subscribe: (o) => bus.subscribe(o),
  ensureTopics: (t) => bus.ensureTopics(t),
  topicRetentionMs: (t) => bus.topicRetentionMs(t),
  lag: (g, t) => bus.lag(g, t),
  readTopic: (t, o) => bus.readTopic(t, o),
  commitGroupOffsets: (g, o) => bus.commitGroupOffsets(g, o),
  health: () => bus.health(),
  disconnect: () => bus.disconnect(),
});

describe('two relays on one outbox', () => {
  const logger = collectingLogger();
  let db: TestDatabase;
  let ds: DataSource;
  const buses: KafkaMessageBus[] = [];
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('two_relays');
    ds = await openDataSource(db.url, 12);
    for (const name of ['a', 'b'])
      buses.push(new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `relay-${name}`, logger }));
  });

  afterEach(async () => {
    for (const r of relays.splice(0)) await r.stop();
  });

  afterAll(async () => {
    for (const b of buses) await b.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it.each([
    ['side by side (SKIP LOCKED only)', false],
    ['one at a time (exclusive, the default)', true],
  ])('publish each row exactly once: %s', async (_mode, exclusive) => {
    const topic = uniqueName('test.two-relays');
    await provisionTopics(buses[0]!, [topic, deadLetterTopic(topic)]);
    const ids = await writeEvents(ds, EVENTS, { topic, perTransaction: 500 });

    for (const bus of buses)
      relays.push(new OutboxRelay({ dataSource: ds, bus: slowed(bus, 15), batchSize: 100, exclusive, logger }));
    for (const r of relays) r.start();
    await waitFor(
      async () =>
        (await countRows(ds, 'SELECT count(*)::int AS n FROM outbox_event WHERE topic = $1 AND published_at IS NULL', [
          topic,
        ])) === 0,
      { what: 'every row published' },
    );

    const [a, b] = relays;
    expect(a!.published + b!.published).toBe(EVENTS);
    // Without the lock both relays really published, side by side.
    if (!exclusive) {
      expect(a!.published).toBeGreaterThan(0);
      expect(b!.published).toBeGreaterThan(0);
    }

    const onTopic = await buses[0]!.readTopic(topic, { groupId: uniqueName('ofm.reader'), limit: EVENTS * 2 });
    const seen = onTopic.map((m) => m.headers.ce_id!);
    expect(seen).toHaveLength(EVENTS);
    expect(new Set(seen).size).toBe(EVENTS);
    expect(new Set(seen)).toEqual(new Set(ids));
    if (exclusive) {
      // One publisher at a time keeps each aggregate's events in the order they were written.
      const writtenAt = new Map(ids.map((id, i) => [id, i]));
      const byKey = new Map<string, number[]>();
      for (const m of onTopic) byKey.set(m.key!, [...(byKey.get(m.key!) ?? []), writtenAt.get(m.headers.ce_id!)!]);
      for (const order of byKey.values()) expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    console.log(`two relays (${exclusive ? 'exclusive' : 'skip locked'}): a=${a!.published} b=${b!.published}`);
  });
});
