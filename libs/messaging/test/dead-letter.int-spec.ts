import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, deadLetterTopic } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import {
  ConsumerRunner,
  DLQ_HEADERS,
  KafkaMessageBus,
  encodeEvent,
  listDeadLetters,
  provisionTopics,
  replayDeadLetters,
  type WireMessage,
} from '../src';
import { accredited, collectingLogger, TEST_SOURCE } from './support/events';
import { applyEffect, effectStats, openDataSource } from './support/messaging-db';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';

jest.setTimeout(90_000);

// All on one key, so one partition, so the order below is the order the consumer sees.
const KEY = randomUUID();

const wire = (type: string, data: unknown, id = randomUUID()): WireMessage =>
  encodeEvent({ id, type, source: TEST_SOURCE, subject: KEY, time: new Date().toISOString(), data });

const effectIds = async (ds: DataSource): Promise<string[]> =>
  ((await ds.query('SELECT event_id FROM effect')) as { event_id: string }[]).map((r) => r.event_id);

describe('dead letters', () => {
  const logger = collectingLogger();
  let db: TestDatabase;
  let ds: DataSource;
  let bus: KafkaMessageBus;
  let runner: ConsumerRunner;
  let refusedAttempts = 0;
  let refusedHandlerFails = true;
  const topic = uniqueName('test.dead-letter');
  const dlq = deadLetterTopic(topic);
  const groupId = uniqueName('ofm.dead-letter');
  const replayGroup = uniqueName('ofm.dlq-replay');

  const badJson = wire(EVENT_TYPES.memberAccredited.type, accredited(KEY));
  badJson.value = Buffer.from('{"member": {"id": ');
  const noType = wire(EVENT_TYPES.memberAccredited.type, accredited(KEY));
  delete noType.headers.ce_type;
  const good1 = wire(EVENT_TYPES.memberAccredited.type, accredited(KEY));
  const refused = wire(EVENT_TYPES.memberRefused.type, { member: { id: KEY }, failedCriteria: ['visa-class'] });
  const unhandled = wire(EVENT_TYPES.flagRaised.type, {});
  const unknown = {
    ...good1,
    headers: { ...good1.headers, ce_id: randomUUID(), ce_type: 'gov.ofm.elsewhere.thing.happened.v1' },
  };
  const good2 = wire(EVENT_TYPES.memberAccredited.type, accredited(KEY));

  beforeAll(async () => {
    db = await createTestDatabase('dead_letter');
    ds = await openDataSource(db.url);
    bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'dead-letter-test', logger });
    await provisionTopics(bus, [topic, dlq]);
    runner = new ConsumerRunner({
      groupId,
      topics: [topic],
      dataSource: ds,
      bus,
      logger,
      retry: { attempts: 3, initialDelayMs: 10, maxDelayMs: 40 },
      handlers: {
        [EVENT_TYPES.memberAccredited.type]: (event, em) => applyEffect(em, event.id, event.subject),
        [EVENT_TYPES.memberRefused.type]: async (event, em) => {
          refusedAttempts += 1;
          // The effect is written before the failure: the rollback must take it away again.
          await applyEffect(em, event.id, event.subject);
          if (refusedHandlerFails) throw new Error('refusal cannot be recorded');
        },
      },
    });
    await runner.start();
    await bus.publish([{ topic, messages: [badJson, noType, good1, refused, unhandled, unknown, good2] }]);
    await waitFor(async () => (await effectIds(ds)).includes(good2.headers.ce_id!), { what: 'the last good event' });
  });

  afterAll(async () => {
    await runner?.stop();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('keeps going: good events around the bad ones take effect, once', async () => {
    expect((await effectIds(ds)).sort()).toEqual([good1.headers.ce_id, good2.headers.ce_id].sort());
    expect((await effectStats(ds)).maxApplied).toBe(1);
  });

  it('sends undecodable messages and exhausted retries to <topic>.dlq with the error, skips unknown types', async () => {
    const letters = await waitFor(
      async () => {
        const l = await listDeadLetters(bus, topic, { groupId: replayGroup });
        return l.length >= 3 ? l : undefined;
      },
      { what: 'three dead letters' },
    );
    expect(letters).toHaveLength(3);
    const [first, second, third] = letters;

    expect(first!.value).toBe('{"member": {"id": ');
    expect(first!.error).toMatch(/EventDecodeError: value of event .* is not JSON/);
    expect(second!.error).toBe('EventDecodeError: missing header ce_type');
    expect(third!.headers.ce_id).toBe(refused.headers.ce_id);
    expect(third!.error).toBe('Error: refusal cannot be recorded');
    expect(refusedAttempts).toBe(3);

    for (const [letter, original] of [
      [first!, badJson],
      [second!, noType],
      [third!, refused],
    ] as const) {
      expect(letter.topic).toBe(dlq);
      expect(letter.key).toBe(KEY);
      expect(letter.originalTopic).toBe(topic);
      expect(letter.headers[DLQ_HEADERS.originalTopic]).toBe(topic);
      expect(letter.originalPartition).toEqual(expect.any(Number));
      expect(letter.originalOffset).toMatch(/^\d+$/);
      expect(letter.consumerGroup).toBe(groupId);
      expect(Number.isNaN(Date.parse(letter.failedAt!))).toBe(false);
      // Every original header travels with the dead letter.
      expect(letter.headers).toEqual(expect.objectContaining(original.headers));
    }
    expect(Number(second!.originalOffset)).toBeGreaterThan(Number(first!.originalOffset));
    // Unknown and unhandled types are acknowledged, not dead-lettered.
    const deadIds = letters.map((l) => l.headers.ce_id);
    expect(deadIds).not.toContain(unknown.headers.ce_id);
    expect(deadIds).not.toContain(unhandled.headers.ce_id);
    // The failing handler's own writes were rolled back each time.
    expect(await effectIds(ds)).not.toContain(refused.headers.ce_id);
  });

  it('replays dead letters to the original topic without the ofm_dlq_* headers, once', async () => {
    refusedHandlerFails = false;
    const result = await replayDeadLetters(bus, topic, { groupId: replayGroup });
    expect(result).toEqual({ replayed: 3, byTopic: { [topic]: 3 } });

    await waitFor(async () => (await effectIds(ds)).includes(refused.headers.ce_id!), { what: 'the replayed event' });
    expect((await effectStats(ds)).maxApplied).toBe(1);

    // The replayed copies on the original topic carry the original headers only.
    const all = await bus.readTopic(topic, { groupId: uniqueName('ofm.reader'), limit: 100 });
    const replayed = all.slice(-3);
    expect(replayed.map((m) => m.headers.ce_id)).toEqual([
      badJson.headers.ce_id,
      noType.headers.ce_id,
      refused.headers.ce_id,
    ]);
    for (const m of replayed) expect(Object.keys(m.headers).filter((h) => h.startsWith('ofm_dlq_'))).toEqual([]);

    // The two malformed ones are still malformed: back in the dead-letter topic, as new entries; the
    // replayed ones are not listed again.
    const after = await waitFor(
      async () => {
        const l = await listDeadLetters(bus, dlq, { groupId: replayGroup });
        return l.length >= 2 ? l : undefined;
      },
      { what: 'the malformed ones back in the DLQ' },
    );
    expect(after.map((l) => l.headers.ce_id)).toEqual([badJson.headers.ce_id, noType.headers.ce_id]);
  });
});
