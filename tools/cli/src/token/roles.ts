// The five roles of CONTRACT.md. Kept here rather than imported from @ofm/platform so that the CLI
// does not load the NestJS service kernel just to mint a token.
export const ROLES = ['ofm-admin', 'ofm-officer', 'mission-user', 'law-enforcement', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
