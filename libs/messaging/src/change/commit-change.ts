import { recordAudit, type AuditEntry } from '@ofm/persistence';
import type { EntityManager } from 'typeorm';
import { publishEvent, type PublishEventInput, type PublishedEventRef } from '../outbox/publish-event';

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
 */
export const commitChange = async (em: EntityManager, change: ChangeToCommit): Promise<PublishedEventRef[]> => {
  await recordAudit(em, {
    actor: change.actor,
    action: change.action,
    entityType: change.entity.type,
    entityId: change.entity.id,
    before: change.before,
    after: change.after,
    reason: change.reason,
  });
  const published: PublishedEventRef[] = [];
  for (const event of change.events) published.push(await publishEvent(em, event));
  return published;
};
