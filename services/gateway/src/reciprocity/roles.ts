import type { Role } from '@ofm/platform';

// Reciprocity is recorded by OFM admins only: a profile decides benefits for every member of a country.
export const ADMINS: Role[] = ['ofm-admin'];
