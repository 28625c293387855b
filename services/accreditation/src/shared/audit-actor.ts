import type { Actor } from '@ofm/platform';

/** The audit's view of the caller. */
export const auditActor = (actor: Actor) => ({ subject: actor.subject, roles: actor.roles });
