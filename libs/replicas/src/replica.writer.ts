import type { accreditation, missions } from '@ofm/contracts';
import type { EntityManager } from 'typeorm';

// Upserts that keep the newest state: a row is replaced only by an event with a higher
// (version, event time). Events of one member share a Kafka key and so arrive in order, but a replay
// from a dead-letter topic or a re-published older event must not roll the replica back.

export const upsertMemberReplica = async (
  em: EntityManager,
  member: accreditation.Member,
  eventTime: string,
): Promise<void> => {
  await em.query(
    `INSERT INTO member_replica (id, mission_id, mission_country, category, principal_id, status, immunity_level,
                                 given_name, family_name, version, last_event_time,
                                 us_citizen_or_permanent_resident)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET
       mission_id = EXCLUDED.mission_id, mission_country = EXCLUDED.mission_country, category = EXCLUDED.category,
       principal_id = EXCLUDED.principal_id, status = EXCLUDED.status, immunity_level = EXCLUDED.immunity_level,
       given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
       us_citizen_or_permanent_resident = EXCLUDED.us_citizen_or_permanent_resident,
       version = EXCLUDED.version, last_event_time = EXCLUDED.last_event_time
     WHERE (member_replica.version, member_replica.last_event_time) < (EXCLUDED.version, EXCLUDED.last_event_time)`,
    [
      member.id,
      member.missionId,
      member.missionCountry.toUpperCase(),
      member.category,
      member.principalId || null,
      member.status,
      member.immunityLevel ?? null,
      member.givenName,
      member.familyName,
      member.version,
      eventTime,
      member.usCitizenOrPermanentResident === true,
    ],
  );
};

export const upsertMissionReplica = async (
  em: EntityManager,
  mission: missions.Mission,
  eventTime: string,
): Promise<void> => {
  await em.query(
    `INSERT INTO mission_replica (id, name, country, type, status, version, last_event_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, country = EXCLUDED.country, type = EXCLUDED.type, status = EXCLUDED.status,
       version = EXCLUDED.version, last_event_time = EXCLUDED.last_event_time
     WHERE (mission_replica.version, mission_replica.last_event_time) < (EXCLUDED.version, EXCLUDED.last_event_time)`,
    [mission.id, mission.name, mission.country.toUpperCase(), mission.type, mission.status, mission.version, eventTime],
  );
};
