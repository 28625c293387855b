import type { Role } from '@ofm/platform';

// Who may call what (CONTRACT.md roles); each route names one of these.
export const OFFICERS: Role[] = ['ofm-admin', 'ofm-officer'];
// Missions submit their own requests (notifications, vehicles, proof of insurance).
export const SUBMITTERS: Role[] = ['ofm-admin', 'ofm-officer', 'mission-user'];
export const READERS: Role[] = ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'];
export const VERIFIERS: Role[] = ['law-enforcement', 'ofm-admin', 'ofm-officer'];
