import type { Actor } from './actor';

// Mission users see only their own mission; every other role sees all missions. An actor that holds
// another role besides mission-user is not narrowed by it.
export const canSeeMission = (actor: Actor, missionId: string): boolean => {
  if (actor.roles.some((role) => role !== 'mission-user')) return true;
  return actor.roles.includes('mission-user') && actor.missionId !== undefined && actor.missionId === missionId;
};
