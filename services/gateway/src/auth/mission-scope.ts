import { canSeeMission, notFound, type Actor } from '@ofm/platform';

// True for a caller whose only role is mission-user: everything it sees is narrowed to its mission.
export const isMissionScoped = (actor: Actor): boolean =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'mission-user');

// Another mission's resource answers 404, exactly as if it did not exist (CONTRACT.md).
export const assertVisible = (actor: Actor, missionId: string, what: string, id: string): void => {
  if (!canSeeMission(actor, missionId)) throw notFound(what, id);
};

// The mission filter of a list: mission users get their own mission whatever they ask; naming
// another mission is a 404 for that mission.
export const scopedMissionFilter = (actor: Actor, requested: string | undefined): string | undefined => {
  if (!isMissionScoped(actor)) return requested;
  if (requested !== undefined && requested.toLowerCase() !== actor.missionId?.toLowerCase())
    throw notFound('mission', requested);
  return actor.missionId;
};
