import { deadLetterTopic, EVENT_TYPES } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import { ConsumerRunner, KafkaMessageBus, provisionTopics } from '../src';
import { spawnFixture, type Child } from './support/child-process';
import { applyEffect, countRows, effectStats, openDataSource } from './support/messaging-db';
import { collectingLogger, writeEvents } from './support/events';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';

// Acceptance (a): 10,000 events go outbox → Kafka → inbox while relay processes are SIGKILLed mid-stream
// and restarted; every event takes effect exactly once.
jest.setTimeout(120_000);

const TOTAL = 10_000;
const published = (ds: DataSource) =>
  countRows(ds, 'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NOT NULL');

describe('outbox relay killed mid-stream', () => {
  const logger = collectingLogger();
  let db: TestDatabase;
  let ds: DataSource;
  let bus: KafkaMessageBus;
  let runner: ConsumerRunner;
  const children: Child[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('relay_crash');
    ds = await openDataSource(db.url);
    bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'relay-crash-test', logger });
  });

  afterAll(async () => {
    for (const c of children) await c.kill('SIGKILL');
    await runner?.stop();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('delivers 10,000 events exactly once in effect across SIGKILLs of the relay', async () => {
    const started = Date.now();
    const topic = uniqueName('test.relay-crash');
    await provisionTopics(bus, [topic, deadLetterTopic(topic)]);
    runner = new ConsumerRunner({
      groupId: uniqueName('ofm.relay-crash'),
      topics: [topic],
      dataSource: ds,
      bus,
      logger,
      handlers: { [EVENT_TYPES.memberAccredited.type]: (event, em) => applyEffect(em, event.id, event.subject) },
    });
    await runner.start();

    const env = { DATABASE_URL: db.url, KAFKA_BROKERS: testKafkaBrokers().join(','), RELAY_BATCH_SIZE: '100' };
    const onTopic = async () =>
      (await bus.lag(runner.groupId, [topic])).reduce((sum, p) => sum + Number(p.highWatermark), 0);
    const firstHalf = await writeEvents(ds, TOTAL / 2, { topic, perTransaction: 500 });

    // 1. The relay dies right after Kafka acknowledged its 10th batch, before marking it published.
    const dying = spawnFixture('relay.fixture.mts', { ...env, RELAY_DIE_AFTER_PUBLISHES: '10' });
    children.push(dying);
    await waitFor(() => dying.process.signalCode === 'SIGKILL', { what: 'the relay to die after its 10th batch' });
    expect(await published(ds)).toBe(900);
    expect(await onTopic()).toBe(1000);

    // 2. The next relay republishes that batch, and is SIGKILLed by us while it works through the backlog.
    const killed = spawnFixture('relay.fixture.mts', env);
    children.push(killed);
    await waitFor(async () => (await published(ds)) >= 2000, {
      intervalMs: 10,
      what: 'the relay to publish 2000 events',
    });
    await killed.kill('SIGKILL');
    expect(killed.process.signalCode).toBe('SIGKILL');
    const publishedAtKill = await published(ds);

    // The second half is written while no relay runs: nothing moves.
    const secondHalf = await writeEvents(ds, TOTAL / 2, { topic, perTransaction: 500 });
    expect(await published(ds)).toBe(publishedAtKill);
    expect(publishedAtKill).toBeGreaterThanOrEqual(2000);
    expect(publishedAtKill).toBeLessThan(TOTAL);

    // 3. A relay that is left alone finishes the job.
    const last = spawnFixture('relay.fixture.mts', env);
    children.push(last);
    await last.line(/relay ready/);
    const restartedAt = Date.now();
    await waitFor(async () => (await published(ds)) === TOTAL, { intervalMs: 20, what: 'all events published' });
    const relayMs = Date.now() - restartedAt;
    await waitFor(async () => (await effectStats(ds)).rows === TOTAL, { timeoutMs: 100_000, what: 'all effects' });

    const stats = await effectStats(ds);
    expect(new Set([...firstHalf, ...secondHalf]).size).toBe(TOTAL);
    expect(stats).toEqual({ rows: TOTAL, total: TOTAL, maxApplied: 1 });
    expect(await countRows(ds, 'SELECT count(*)::int AS n FROM inbox_event')).toBe(TOTAL);
    // At least once: the batch of the relay that died before marking it went out twice (and whatever the
    // SIGKILLed one had sent but not marked); the inbox absorbed every duplicate.
    const messages = await onTopic();
    expect(messages).toBeGreaterThanOrEqual(TOTAL + 100);
    console.log(
      `relay crash: published at kill ${publishedAtKill}/${TOTAL}, messages on topic ${messages} (${messages - TOTAL} republished), ` +
        `last relay published ${TOTAL - publishedAtKill} in ${relayMs} ms, whole test ${Date.now() - started} ms`,
    );
  });
});
