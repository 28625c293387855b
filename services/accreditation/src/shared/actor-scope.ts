import type { Actor } from '@ofm/platform';

/** The audit's view of the caller. */
export const auditActor = (actor: Actor) => ({ subject: actor.subject, roles: actor.roles });

/**
 * The mission a list must be narrowed to: undefined for roles that see every mission, the actor's
 * own mission for a mission user, null for a mission user without one (sees nothing). Mirrors
 * canSeeMission of @ofm/platform, which answers the same question for a single mission.
 */
export const missionRestriction = (actor: Actor): string | null | undefined => {
  if (actor.roles.some((role) => role !== 'mission-user')) return undefined;
  return actor.missionId ?? null;
};
