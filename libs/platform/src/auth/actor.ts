// The caller, as the gateway authenticated it (JWT `sub`, `roles`, `mission_id`).
export const ROLES = ['ofm-admin', 'ofm-officer', 'mission-user', 'law-enforcement', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

export interface Actor {
  subject: string;
  roles: Role[];
  missionId?: string;
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean =>
  actor.roles.some((role) => roles.includes(role));
