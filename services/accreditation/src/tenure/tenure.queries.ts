import type { EntityManager } from 'typeorm';

/** What the tenure figures and the long-tenure sweep read of a serving member. */
export interface ServingMemberRow {
  id: string;
  missionId: string;
  givenName: string;
  familyName: string;
  category: string;
  status: string;
  arrivalDate: string;
  expectedDepartureDate: string | null;
  terminationEffectiveDate: string | null;
}

// Dates as text: pg would make a date a JS Date at local midnight.
const SERVING = `
  SELECT m.id, m.mission_id AS "missionId", m.given_name AS "givenName", m.family_name AS "familyName",
         m.category, m.status, m.arrival_date::text AS "arrivalDate",
         m.expected_departure_date::text AS "expectedDepartureDate",
         m.termination_effective_date::text AS "terminationEffectiveDate"
    FROM member m
   WHERE m.status IN ('notified', 'accredited') AND ($1::uuid IS NULL OR m.mission_id = $1)
   ORDER BY m.mission_id, m.id`;

/** The serving members (notified and accredited) of one mission, or of all when `missionId` is undefined. */
export const servingMembers = (em: EntityManager, missionId?: string): Promise<ServingMemberRow[]> =>
  em.query(SERVING, [missionId ?? null]);
