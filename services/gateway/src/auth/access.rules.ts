import type { Actor, Role } from '@ofm/platform';

export type AccessDecision = { allowed: true } | { allowed: false; detail: string };

// Whether an authenticated caller may use a route that declares `routeRoles`. A mission user is only
// ever a mission user of one mission: without mission_id in the token it may use nothing.
export const decideAccess = (actor: Actor, routeRoles: readonly Role[]): AccessDecision => {
  const granted = actor.roles.filter((role) => routeRoles.includes(role));
  if (granted.length === 0) {
    return { allowed: false, detail: `This operation needs one of the roles: ${routeRoles.join(', ')}` };
  }
  if (granted.every((role) => role === 'mission-user') && !actor.missionId) {
    return { allowed: false, detail: 'A mission-user token must carry mission_id' };
  }
  return { allowed: true };
};

// "Bearer <token>" → the token; anything else → undefined.
export const bearerToken = (authorization: string | string[] | undefined): string | undefined => {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i.exec(authorization);
  return match?.[1];
};

export const API_PREFIX = '/api/v1';

export const isApiPath = (url: string): boolean =>
  url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
