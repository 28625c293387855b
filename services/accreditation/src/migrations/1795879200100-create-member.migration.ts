import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMember1795879200100 implements MigrationInterface {
  name = 'CreateMember1795879200100';

  async up(q: QueryRunner): Promise<void> {
    // PIDs are 10 digits: the sequence starts at the first 10-digit number and may never wrap.
    await q.query(
      `CREATE SEQUENCE member_pid_seq AS bigint START 1000000000 MINVALUE 1000000000 MAXVALUE 9999999999 NO CYCLE`,
    );
    // ID card numbers are a letter and 9 digits.
    await q.query(`CREATE SEQUENCE id_card_number_seq AS bigint START 1 MINVALUE 1 MAXVALUE 999999999 NO CYCLE`);
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        pid text NOT NULL CHECK (pid ~ '^[0-9]{10}$'),
        mission_id uuid NOT NULL REFERENCES mission (id),
        mission_country text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        nationality text NOT NULL,
        category text NOT NULL CHECK (category IN ('diplomatic-agent', 'administrative-technical', 'service-staff',
          'consular-officer', 'consular-employee', 'consular-service-staff', 'honorary-consular-officer', 'io-diplomatic',
          'io-support-staff', 'io-official', 'locally-employed', 'domestic-worker', 'dependent')),
        title text NOT NULL DEFAULT '',
        visa_class text NOT NULL DEFAULT '',
        passport_type text NOT NULL DEFAULT '',
        arrival_date date NOT NULL,
        expected_departure_date date,
        us_citizen_or_permanent_resident boolean NOT NULL DEFAULT false,
        weekly_hours double precision NOT NULL DEFAULT 0,
        transfer_policy_attested boolean NOT NULL DEFAULT false,
        resides_in_washington_metro boolean NOT NULL DEFAULT false,
        commercial_activity boolean NOT NULL DEFAULT false,
        pending_serious_charge boolean NOT NULL DEFAULT false,
        principal_id uuid REFERENCES member (id),
        relationship text CHECK (relationship IN ('spouse', 'child')),
        full_time_student boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('notified', 'accredited', 'refused', 'terminated')),
        notified_on date NOT NULL,
        late_notification boolean NOT NULL DEFAULT false,
        decided_on date,
        failed_criteria jsonb,
        immunity_level text CHECK (immunity_level IN ('full', 'full-criminal', 'official-acts', 'none')),
        id_card_number text,
        id_card_color text CHECK (id_card_color IN ('blue', 'green', 'red')),
        id_card_expires_on date,
        termination_effective_date date,
        termination_reason text,
        departure_date date,
        immunity_ends_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- A dependent, and only a dependent, has a principal and a relationship.
        CONSTRAINT member_dependent_check CHECK ((category = 'dependent') = (principal_id IS NOT NULL AND relationship IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX member_pid_key ON member (pid)`);
    await q.query(`CREATE UNIQUE INDEX member_id_card_number_key ON member (id_card_number)`);
    await q.query(`CREATE INDEX member_mission_id_idx ON member (mission_id)`);
    await q.query(`CREATE INDEX member_principal_id_idx ON member (principal_id) WHERE principal_id IS NOT NULL`);
    await q.query(`CREATE INDEX member_created_at_id_idx ON member (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member`);
    await q.query(`DROP SEQUENCE id_card_number_seq`);
    await q.query(`DROP SEQUENCE member_pid_seq`);
  }
}
