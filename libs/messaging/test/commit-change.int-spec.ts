import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@ofm/contracts';
import { inTransaction } from '@ofm/persistence';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { commitChange } from '../src';
import { openAuditedDataSource } from './support/messaging-db';
import { accredited, TEST_SOURCE } from './support/events';

// commitChange against a real PostgreSQL: the audit row and the outbox rows are the caller's
// transaction's, committed with it and rolled back with it.
describe('commitChange', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const actor = { subject: 'officer-1', roles: ['ofm-officer'] };

  beforeAll(async () => {
    db = await createTestDatabase('commit_change');
    ds = await openAuditedDataSource(db.url);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const change = (subject: string) => ({
    actor,
    action: 'member.accredited',
    entity: { type: 'member', id: subject },
    before: { status: 'notified' },
    after: { status: 'accredited' },
    reason: 'criteria met',
    events: [
      { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), source: TEST_SOURCE },
      { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), source: TEST_SOURCE },
    ],
  });
  const auditRows = (id: string) =>
    ds.query(
      `SELECT actor_subject, action, entity_type, before, after, reason FROM audit_record WHERE entity_id = $1`,
      [id],
    );
  const outboxRows = (subject: string) =>
    ds.query(`SELECT id, type FROM outbox_event WHERE subject = $1 ORDER BY seq`, [subject]);

  it('writes the audit record and the events, in order, when the transaction commits', async () => {
    const subject = randomUUID();
    const refs = await inTransaction(ds, (em) => commitChange(em, change(subject)));
    expect(await auditRows(subject)).toEqual([
      {
        actor_subject: 'officer-1',
        action: 'member.accredited',
        entity_type: 'member',
        before: { status: 'notified' },
        after: { status: 'accredited' },
        reason: 'criteria met',
      },
    ]);
    const outbox = await outboxRows(subject);
    expect(outbox.map((r: { id: string }) => r.id)).toEqual(refs.map((r) => r.id));
    expect(outbox.map((r: { type: string }) => r.type)).toEqual([
      EVENT_TYPES.memberAccredited.type,
      EVENT_TYPES.memberAccredited.type,
    ]);
  });

  it('leaves neither audit nor events when the transaction rolls back', async () => {
    const subject = randomUUID();
    await expect(
      inTransaction(ds, async (em) => {
        await commitChange(em, change(subject));
        // Seen inside the transaction …
        expect(await em.query(`SELECT 1 FROM outbox_event WHERE subject = $1`, [subject])).toHaveLength(2);
        throw new Error('the change fails after its audit and events');
      }),
    ).rejects.toThrow('the change fails');
    // … gone with it.
    expect(await auditRows(subject)).toEqual([]);
    expect(await outboxRows(subject)).toEqual([]);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(commitChange(ds.manager, change(randomUUID()))).rejects.toThrow(/inside the transaction/);
  });
});
