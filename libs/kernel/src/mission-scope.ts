// Mission users see only their own mission's data (DESIGN.md "Reliability rules"); every other role
// sees every mission. An actor holding another role besides mission-user is not narrowed by it, and an
// actor without any role sees nothing. The one rule, asked two ways: for one mission (a read), and as
// the narrowing of a list.

/** What the rule reads of the caller (@ofm/platform's Actor is one). */
export interface ScopedActor {
  readonly roles: readonly string[];
  readonly missionId?: string;
}

export const MISSION_USER = 'mission-user';

const narrowed = (actor: ScopedActor): boolean => actor.roles.every((role) => role === MISSION_USER);

/** May the actor see the data of mission `missionId`? Ids compare in lower case. */
export const canSeeMission = (actor: ScopedActor, missionId: string): boolean => {
  if (!narrowed(actor)) return true;
  return (
    actor.roles.length > 0 &&
    !!actor.missionId &&
    !!missionId &&
    actor.missionId.toLowerCase() === missionId.toLowerCase()
  );
};

/**
 * The mission a list must be narrowed to: undefined for an actor who sees every mission, the actor's
 * own mission for a mission user, null for one who sees none (a mission user without a mission, an
 * actor without roles): its lists are empty.
 */
export const missionRestriction = (actor: ScopedActor): string | null | undefined => {
  if (!narrowed(actor)) return undefined;
  return actor.roles.length > 0 && actor.missionId ? actor.missionId.toLowerCase() : null;
};
