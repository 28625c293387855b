import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@ofm/contracts';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';
import { register } from 'prom-client';
import type { DataSource } from 'typeorm';
import {
  ConsumerRunner,
  encodeEvent,
  KafkaMessageBus,
  provisionTopics,
  publishEvent,
  purgeInbox,
  purgePublishedOutbox,
  refreshMessagingTableRows,
  type WireMessage,
} from '../src';
import { accredited, collectingLogger, TEST_SOURCE } from './support/events';
import { applyEffect, countRows, openDataSource } from './support/messaging-db';

jest.setTimeout(90_000);

const ids = async (ds: DataSource, sql: string, params: unknown[] = []): Promise<string[]> =>
  ((await ds.query(sql, params)) as { id: string }[]).map((r) => r.id).sort();

describe('retention of the messaging tables', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_retention');
    ds = await openDataSource(db.url);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const writeOutbox = (n: number): Promise<string[]> =>
    ds.transaction(async (em) => {
      const written: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const subject = randomUUID();
        const { id } = await publishEvent(em, {
          type: EVENT_TYPES.memberAccredited,
          subject,
          data: accredited(subject),
          topic: 'test.retention.unused',
          source: TEST_SOURCE,
        });
        written.push(id);
      }
      return written;
    });

  it('deletes published outbox rows older than the retention, never unpublished ones however old', async () => {
    const [oldPublished, oldPublished2, recentPublished, oldUnpublished, newUnpublished] = await writeOutbox(5);
    await ds.query(
      `UPDATE outbox_event SET created_at = now() - interval '30 days', published_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])`,
      [[oldPublished, oldPublished2]],
    );
    await ds.query(
      `UPDATE outbox_event SET created_at = now() - interval '30 days', published_at = now() - interval '6 days' WHERE id = $1`,
      [recentPublished],
    );
    await ds.query(`UPDATE outbox_event SET created_at = now() - interval '90 days' WHERE id = $1`, [oldUnpublished]);

    expect(await purgePublishedOutbox(ds, 7)).toBe(2);
    expect(await ids(ds, 'SELECT id FROM outbox_event')).toEqual(
      [recentPublished, oldUnpublished, newUnpublished].sort(),
    );
    expect(await purgePublishedOutbox(ds, 7)).toBe(0);
  });

  it('forgets inbox ids older than the retention, of every consumer group, and keeps the younger ones', async () => {
    const insert = (group: string, id: string, age: string) =>
      ds.query(
        `INSERT INTO inbox_event (consumer_group, event_id, type, topic, partition, "offset", processed_at)
         VALUES ($1, $2, 't', 'topic', 0, 0, now() - $3::interval)`,
        [group, id, age],
      );
    const [old1, old2, young1, young2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await insert('ofm.a', old1, '15 days');
    await insert('ofm.b', old2, '20 days');
    await insert('ofm.a', young1, '13 days');
    await insert('ofm.b', young2, '1 minute');

    expect(await purgeInbox(ds, 14)).toBe(2);
    expect(await ids(ds, 'SELECT event_id AS id FROM inbox_event')).toEqual([young1, young2].sort());
  });

  it('exports the size of both tables, exactly until analyzed and estimated from the statistics after', async () => {
    const exact = async (table: string) => countRows(ds, `SELECT count(*)::int AS n FROM ${table}`);
    const before = await refreshMessagingTableRows(ds);
    expect(before).toEqual({ outbox_event: await exact('outbox_event'), inbox_event: await exact('inbox_event') });
    await writeOutbox(200);
    await ds.query('ANALYZE outbox_event');
    await ds.query('ANALYZE inbox_event');
    const after = await refreshMessagingTableRows(ds);
    expect(after).toEqual({ outbox_event: await exact('outbox_event'), inbox_event: await exact('inbox_event') });
    const metrics = await register.metrics();
    expect(metrics).toContain(`ofm_messaging_table_rows{table="outbox_event"} ${after.outbox_event}`);
    expect(metrics).toContain(`ofm_messaging_table_rows{table="inbox_event"} ${after.inbox_event}`);
  });

  describe('an event replayed from Kafka', () => {
    const logger = collectingLogger();
    const topic = uniqueName('test.retention-replay');
    const subject = randomUUID();
    let bus: KafkaMessageBus;
    let runner: ConsumerRunner;
    const event = (id = randomUUID()): WireMessage =>
      encodeEvent({
        id,
        type: EVENT_TYPES.memberAccredited.type,
        source: TEST_SOURCE,
        subject,
        time: new Date().toISOString(),
        data: accredited(subject),
      });
    const applied = async (id: string): Promise<number> =>
      countRows(ds, 'SELECT coalesce(max(applied), 0)::int AS n FROM effect WHERE event_id = $1', [id]);
    // Same key, so same partition: once the marker is applied, everything sent before it was handled.
    const sendThenWait = async (message: WireMessage): Promise<void> => {
      const marker = event();
      await bus.publish([{ topic, messages: [message, marker] }]);
      await waitFor(async () => (await applied(marker.headers.ce_id!)) === 1, { what: 'the marker event applied' });
    };

    beforeAll(async () => {
      bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'retention-test', logger });
      await provisionTopics(bus, [topic]);
      runner = new ConsumerRunner({
        groupId: uniqueName('ofm.retention'),
        topics: [topic],
        dataSource: ds,
        bus,
        logger,
        handlers: { [EVENT_TYPES.memberAccredited.type]: (e, em) => applyEffect(em, e.id, e.subject) },
      });
      await runner.start();
      await runner.ready;
    });

    afterAll(async () => {
      await runner?.stop();
      await bus?.disconnect();
    });

    it('is still deduplicated while its id is inside the inbox window, and applied again only once forgotten', async () => {
      const original = event();
      const id = original.headers.ce_id!;
      await sendThenWait(original);
      expect(await applied(id)).toBe(1);

      // 13 days later: the retention runs, the id is younger than the 14-day window and stays.
      await ds.query(`UPDATE inbox_event SET processed_at = now() - interval '13 days' WHERE event_id = $1`, [id]);
      await purgeInbox(ds, 14);
      await sendThenWait(original);
      expect(await applied(id)).toBe(1);

      // Past the window the id is forgotten, and a copy Kafka still held would apply again: hence
      // INBOX_RETENTION_DAYS ≥ the topics' retention, so that Kafka forgets the event first.
      await ds.query(`UPDATE inbox_event SET processed_at = now() - interval '15 days' WHERE event_id = $1`, [id]);
      expect(await purgeInbox(ds, 14)).toBeGreaterThanOrEqual(1);
      await sendThenWait(original);
      expect(await applied(id)).toBe(2);
    });
  });
});
