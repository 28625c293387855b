import type { MigrationInterface, QueryRunner } from 'typeorm';

// The replica of accreditation (missions, members). IF NOT EXISTS: in the vehicles database these
// tables were created by VehiclesSchema1795879300000 before the replica became a lib, and this
// migration then finds them there. The immunity level is made optional by the next migration.
export class ReplicasAccreditation1700000000500 implements MigrationInterface {
  name = 'ReplicasAccreditation1700000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS mission_replica (
        id              uuid PRIMARY KEY,
        name            text NOT NULL,
        country         text NOT NULL,
        type            text NOT NULL,
        status          text NOT NULL,
        version         integer NOT NULL,
        last_event_time timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE IF NOT EXISTS member_replica (
        id              uuid PRIMARY KEY,
        mission_id      uuid NOT NULL,
        mission_country text NOT NULL,
        category        text NOT NULL,
        principal_id    uuid,
        status          text NOT NULL,
        immunity_level  text NOT NULL,
        given_name      text NOT NULL,
        family_name     text NOT NULL,
        version         integer NOT NULL,
        last_event_time timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS member_replica_mission_idx ON member_replica (mission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_replica`);
    await q.query(`DROP TABLE mission_replica`);
  }
}
