import type { MigrationInterface, QueryRunner } from 'typeorm';

// Driver licences, their violations and the suspensions the points rules decided
// (docs/domain/driver-licences.md). A member holds at most one licence not ended; the licence
// number comes from a sequence so two officers issuing at once never collide.
export class DriverLicences1795879300700 implements MigrationInterface {
  name = 'DriverLicences1795879300700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE licence_number_seq`);
    await q.query(`
      CREATE TABLE licence (
        id uuid PRIMARY KEY,
        number text NOT NULL CONSTRAINT licence_number_key UNIQUE,
        member_id uuid NOT NULL,
        mission_id uuid NOT NULL,
        licence_class text NOT NULL,
        restrictions text[] NOT NULL DEFAULT '{}',
        expires_on date NOT NULL,
        ended_on date,
        points_flag_id uuid,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX licence_one_per_member ON licence (member_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX licence_mission_idx ON licence (mission_id)`);
    await q.query(`
      CREATE TABLE licence_violation (
        id uuid PRIMARY KEY,
        licence_id uuid NOT NULL REFERENCES licence (id),
        date date NOT NULL,
        code text NOT NULL,
        points int NOT NULL CONSTRAINT licence_violation_points_check CHECK (points >= 0),
        dui boolean NOT NULL,
        test_refused boolean NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX licence_violation_licence_idx ON licence_violation (licence_id, date)`);
    await q.query(`
      CREATE TABLE licence_suspension (
        id uuid PRIMARY KEY,
        licence_id uuid NOT NULL REFERENCES licence (id),
        reason text NOT NULL CONSTRAINT licence_suspension_reason_check CHECK (reason IN ('points', 'dui-test-refused')),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        violation_id uuid NOT NULL REFERENCES licence_violation (id),
        CONSTRAINT licence_suspension_days_check CHECK (starts_on <= ends_on)
      )`);
    await q.query(`CREATE INDEX licence_suspension_licence_idx ON licence_suspension (licence_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE licence_suspension`);
    await q.query(`DROP TABLE licence_violation`);
    await q.query(`DROP TABLE licence`);
    await q.query(`DROP SEQUENCE licence_number_seq`);
  }
}
