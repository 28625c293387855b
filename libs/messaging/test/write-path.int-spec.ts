import { EVENT_TYPES } from '@ofm/contracts';
import { inTransaction } from '@ofm/persistence';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { commitChange } from '../src';
import { openAuditedDataSource } from './support/messaging-db';
import { accredited, TEST_SOURCE } from './support/events';

// commitChange writes a change's audit row and all its events in one statement (a round trip per
// row was a third of a command's statements: docs/operations/write-path.md), and the result is
// the same rows, the events in the order given, the relay still notified at commit.
describe('commitChange on the write path', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('commit_change_path');
    ds = await openAuditedDataSource(db.url);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('sends the audit row and three events as one statement, the events in order', async () => {
    const subject = randomUUID();
    const sent: string[] = [];
    const refs = await inTransaction(ds, async (em) => {
      const query = em.query.bind(em);
      em.query = ((sql: string, params?: unknown[]) => {
        sent.push(sql);
        return query(sql, params);
      }) as typeof em.query;
      return commitChange(em, {
        actor: { subject: 'officer-1', roles: ['ofm-officer'] },
        action: 'member.accredited',
        entity: { type: 'member', id: subject },
        before: { status: 'notified' },
        after: { status: 'accredited' },
        events: [1, 2, 3].map(() => ({
          type: EVENT_TYPES.memberAccredited,
          subject,
          data: accredited(subject),
          source: TEST_SOURCE,
        })),
      });
    });
    expect(sent).toHaveLength(1);
    const outbox = (await ds.query('SELECT id FROM outbox_event WHERE subject = $1 ORDER BY seq', [subject])) as {
      id: string;
    }[];
    expect(outbox.map((r) => r.id)).toEqual(refs.map((r) => r.id));
    expect(refs).toHaveLength(3);
    const audit = (await ds.query('SELECT action, before, after FROM audit_record WHERE entity_id = $1', [
      subject,
    ])) as unknown[];
    expect(audit).toEqual([
      { action: 'member.accredited', before: { status: 'notified' }, after: { status: 'accredited' } },
    ]);
  });

  it('writes only the audit row when the change announces no event', async () => {
    const subject = randomUUID();
    const refs = await inTransaction(ds, (em) =>
      commitChange(em, {
        actor: { subject: 'officer-1', roles: ['ofm-officer'] },
        action: 'member.viewed',
        entity: { type: 'member', id: subject },
        before: null,
        after: null,
        events: [],
      }),
    );
    expect(refs).toEqual([]);
    expect(await ds.query('SELECT count(*)::int AS n FROM audit_record WHERE entity_id = $1', [subject])).toEqual([
      { n: 1 },
    ]);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox_event WHERE subject = $1', [subject])).toEqual([
      { n: 0 },
    ]);
  });
});
