import { deadLetterTopic } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import { KafkaMessageBus, OutboxRelay, provisionTopics } from '../src';
import { spawnFixture, type Child } from './support/child-process';
import { countRows, effectStats, openDataSource } from './support/messaging-db';
import { collectingLogger, writeEvents } from './support/events';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';

// Acceptance (b): 10,000 events go outbox → Kafka → inbox while the consumer process is SIGKILLed in the
// middle of a batch and restarted; every event takes effect exactly once.
jest.setTimeout(120_000);

const TOTAL = 10_000;
const committedTotal = (lags: { committedOffset: string }[]) =>
  lags.reduce((sum, p) => sum + Math.max(0, Number(p.committedOffset)), 0);

describe('consumer killed mid-batch', () => {
  const logger = collectingLogger();
  let db: TestDatabase;
  let ds: DataSource;
  let bus: KafkaMessageBus;
  let relay: OutboxRelay;
  const children: Child[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('consumer_crash');
    ds = await openDataSource(db.url);
    bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'consumer-crash-test', logger });
  });

  afterAll(async () => {
    for (const c of children) await c.kill('SIGKILL');
    await relay?.stop();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('applies 10,000 events exactly once across a SIGKILL of the consumer', async () => {
    const started = Date.now();
    const topic = uniqueName('test.consumer-crash');
    const groupId = uniqueName('ofm.consumer-crash');
    await provisionTopics(bus, [topic, deadLetterTopic(topic)]);
    // Half the events are on the topic before the consumer starts, so its first batches are full ones.
    const firstHalf = await writeEvents(ds, TOTAL / 2, { topic, perTransaction: 500 });
    relay = new OutboxRelay({ dataSource: ds, bus, logger });
    const relayStarted = Date.now();
    relay.start();
    await waitFor(() => relay.published === TOTAL / 2, { intervalMs: 10, what: 'first half published' });
    const relayMs = Date.now() - relayStarted;

    const env = { DATABASE_URL: db.url, KAFKA_BROKERS: testKafkaBrokers().join(','), GROUP_ID: groupId, TOPIC: topic };
    const first = spawnFixture('consumer.fixture.mts', env);
    children.push(first);
    await waitFor(async () => (await effectStats(ds)).rows >= 500, {
      intervalMs: 10,
      what: 'the consumer to apply 500 events',
    });
    await first.kill('SIGKILL');
    expect(first.process.signalCode).toBe('SIGKILL');
    const appliedAtKill = (await effectStats(ds)).rows;
    const committedAtKill = committedTotal(await bus.lag(groupId, [topic]));

    // Killed in the middle: some events applied, not all, and the group's committed offsets are behind
    // what was applied — those events will be delivered again and must be skipped by the inbox.
    expect(appliedAtKill).toBeGreaterThan(0);
    expect(appliedAtKill).toBeLessThan(TOTAL);
    expect(committedAtKill).toBeLessThan(appliedAtKill);

    const secondHalf = await writeEvents(ds, TOTAL / 2, { topic, perTransaction: 500 });
    expect((await effectStats(ds)).rows).toBe(appliedAtKill);

    const second = spawnFixture('consumer.fixture.mts', env);
    children.push(second);
    await waitFor(async () => (await effectStats(ds)).rows === TOTAL, { timeoutMs: 100_000, what: 'all effects' });
    await waitFor(async () => committedTotal(await bus.lag(groupId, [topic])) >= TOTAL, { what: 'offsets committed' });
    await second.kill('SIGTERM');
    const outcomes = JSON.parse((await second.line(/consumer stopped/)).replace(/^.*consumer stopped /, '')) as Record<
      string,
      number
    >;

    expect(new Set([...firstHalf, ...secondHalf]).size).toBe(TOTAL);
    expect(await effectStats(ds)).toEqual({ rows: TOTAL, total: TOTAL, maxApplied: 1 });
    expect(await countRows(ds, 'SELECT count(*)::int AS n FROM inbox_event')).toBe(TOTAL);
    // The restarted member was handed again what the killed one had applied but not committed.
    expect(outcomes.duplicate).toBeGreaterThanOrEqual(appliedAtKill - committedAtKill);
    expect(outcomes.processed).toBe(TOTAL - appliedAtKill);
    console.log(
      `consumer crash: applied at kill ${appliedAtKill}/${TOTAL}, committed at kill ${committedAtKill}, ` +
        `restarted member: ${JSON.stringify(outcomes)}; relay published a backlog of ${TOTAL / 2} in ${relayMs} ms; whole test ${Date.now() - started} ms`,
    );
  });
});
