import { commitChange, type ChangeToCommit, type PublishedEventRef } from '@ofm/messaging';
import { findMissionReplica } from '@ofm/replicas';
import type { EntityManager } from 'typeorm';
import { missionsNamedBy, partnerNoticesFor } from './partner-notices';

/**
 * commitChange with the partner notices of its events appended (partnerNoticesFor): the partner
 * topics carry a change exactly when it commits, from the same outbox, in the same transaction.
 * Every call site of vehicles that commits a registration, insurance or plate change uses this in
 * place of @ofm/messaging's commitChange; for any other change it adds nothing.
 */
export const commitVehicleChange = async (
  em: EntityManager,
  change: ChangeToCommit,
  now: Date = new Date(),
): Promise<PublishedEventRef[]> => {
  const names = new Map<string, string>();
  for (const id of missionsNamedBy(change.events)) {
    names.set(id, (await findMissionReplica(em, id))?.name ?? '');
  }
  const context = { missionName: (id: string) => names.get(id) ?? '', now };
  return commitChange(em, {
    ...change,
    events: [...change.events, ...change.events.flatMap((event) => partnerNoticesFor(event, context))],
  });
};
