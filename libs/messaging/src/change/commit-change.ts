import { AUDIT_COLUMN_COUNT, AUDIT_INSERT, auditRowValues, type AuditEntry } from '@ofm/persistence';
import type { EntityManager } from 'typeorm';
import {
  notifyingInsert,
  outboxRow,
  outboxRowPlaceholders,
  type PublishEventInput,
  type PublishedEventRef,
} from '../outbox/publish-event';

export interface ChangeToCommit {
  actor: AuditEntry['actor'];
  /** The audit's action, e.g. `member.accredited`. */
  action: string;
  /** What changed: the audit's entity type and id. */
  entity: { type: string; id: string };
  before: unknown;
  after: unknown;
  reason?: string | null;
  /** The events that announce the change, written to the outbox in this order. */
  events: readonly PublishEventInput<any>[];
}

/**
 * A state change's audit record and its events, written with the caller's EntityManager: they commit
 * with the change (already written through `em`) or roll back with it. Refuses to run outside a
 * transaction, as recordAudit and publishEvent do.
 * The audit row and every event go in one statement (a data-modifying WITH): each round trip costs
 * a write on the socket, a parse and a trace span, and a command pays this one on every write
 * (docs/operations/write-path.md). The events' rows take their seq in the order given.
 */
export const commitChange = async (em: EntityManager, change: ChangeToCommit): Promise<PublishedEventRef[]> => {
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error('commitChange must run inside the transaction of the change it records (use inTransaction)');
  }
  const audit = auditRowValues({
    actor: change.actor,
    action: change.action,
    entityType: change.entity.type,
    entityId: change.entity.id,
    before: change.before,
    after: change.after,
    reason: change.reason,
  });
  const events = change.events.map((event) => outboxRow(event));
  const sql =
    events.length === 0
      ? AUDIT_INSERT
      : notifyingInsert(outboxRowPlaceholders(AUDIT_COLUMN_COUNT + 1, events.length), `audit AS (${AUDIT_INSERT})`);
  await em.query(sql, [...audit.values, ...events.flatMap((e) => e.values)]);
  return events.map((e) => e.ref);
};
