import { missions } from '@ofm/contracts';
import { commitChange, type ChangeToCommit } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import type { MissionEntity } from './mission.entity';
import { missionToProto } from './mission.queries';

export interface MissionChange {
  actor: ChangeToCommit['actor'];
  /** The mission as it was, from missionSnapshot before the change. */
  before: unknown;
  action: string;
  reason: string;
  now: Date;
  /** Facts of the command the audit records beside the mission (a recertification's counts). */
  alsoRecorded?: Record<string, unknown>;
  /** The events that announce the change, given the mission as it now stands. */
  events: (mission: missions.Mission) => ChangeToCommit['events'];
}

/** The mission as its audit records it. */
export const missionSnapshot = (mission: MissionEntity): unknown => missions.Mission.toJSON(missionToProto(mission));

/**
 * Every command on an existing mission ends the same way: the mission saved as its next version, and
 * its audit record (before and after) and events committed with it in the command's transaction.
 */
export const commitMissionChange = async (
  em: EntityManager,
  mission: MissionEntity,
  change: MissionChange,
): Promise<missions.Mission> => {
  mission.version += 1;
  mission.updatedAt = change.now;
  await em.save(mission);
  const proto = missionToProto(mission);
  await commitChange(em, {
    actor: change.actor,
    action: change.action,
    entity: { type: 'mission', id: mission.id },
    before: change.before,
    after: { ...(missions.Mission.toJSON(proto) as object), ...change.alsoRecorded },
    reason: change.reason,
    events: change.events(proto),
  });
  return proto;
};
