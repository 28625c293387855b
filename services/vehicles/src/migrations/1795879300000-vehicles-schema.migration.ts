import type { MigrationInterface, QueryRunner } from 'typeorm';

// The vehicles schema: vehicles and their registrations, insurance policies, plate country codes.
// The replica of accreditation (members, missions) that the registration rules read was created here
// too until it became @ofm/replicas, whose migrations now create it (IF NOT EXISTS, so databases that
// ran this migration before keep their tables).
export class VehiclesSchema1795879300000 implements MigrationInterface {
  name = 'VehiclesSchema1795879300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plate_country_code (
        country     text PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
        code        text NOT NULL UNIQUE CHECK (code ~ '^[A-HJ-NPR-Z]{2}$'),
        next_serial integer NOT NULL DEFAULT 1 CHECK (next_serial > 0),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        -- OFM's code is deliberately not the ISO code of the same country.
        CHECK (code <> country)
      )`);

    await q.query(`
      CREATE TABLE vehicle (
        id                  uuid PRIMARY KEY,
        seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        owner_member_id     uuid,
        owner_mission_id    uuid,
        mission_id          uuid NOT NULL,
        vin                 text NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
        make                text NOT NULL,
        model               text NOT NULL,
        year                integer NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('car', 'motorcycle', 'trailer')),
        plate               text NOT NULL,
        registration_status text NOT NULL
          CHECK (registration_status IN ('pending-insurance', 'active', 'suspended', 'disposal-due', 'disposed')),
        registered_on       date NOT NULL,
        expires_on          date NOT NULL,
        insurance_status    text NOT NULL CHECK (insurance_status IN ('insured', 'uninsured', 'lapsed')),
        lapse_flag_id       uuid,
        version             integer NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        -- Exactly one owner: a member (or dependent) or the mission itself.
        CONSTRAINT vehicle_one_owner CHECK ((owner_member_id IS NULL) <> (owner_mission_id IS NULL))
      )`);
    // Plates are government property and never reissued, so a plate stays unique even after disposal.
    await q.query(`CREATE UNIQUE INDEX vehicle_plate_key ON vehicle (plate)`);
    // A VIN may come back (resold to another member) once its earlier registration is disposed.
    await q.query(`CREATE UNIQUE INDEX vehicle_vin_live_key ON vehicle (vin) WHERE registration_status <> 'disposed'`);
    await q.query(`CREATE INDEX vehicle_mission_idx ON vehicle (mission_id, seq)`);
    await q.query(
      `CREATE INDEX vehicle_owner_member_idx ON vehicle (owner_member_id) WHERE owner_member_id IS NOT NULL`,
    );
    // The lapse sweep reads active registrations only.
    await q.query(`CREATE INDEX vehicle_active_idx ON vehicle (id) WHERE registration_status = 'active'`);

    await q.query(`
      CREATE TABLE insurance_policy (
        id                         uuid PRIMARY KEY,
        vehicle_id                 uuid NOT NULL REFERENCES vehicle (id),
        insurer                    text NOT NULL,
        policy_number              text NOT NULL,
        effective_date             date NOT NULL,
        expiration_date            date NOT NULL,
        combined_single_limit      numeric(17, 2),
        bodily_injury_per_person   numeric(17, 2),
        bodily_injury_per_accident numeric(17, 2),
        property_damage            numeric(17, 2),
        currency                   text NOT NULL DEFAULT 'USD' CHECK (currency = 'USD'),
        created_at                 timestamptz NOT NULL DEFAULT now(),
        CHECK (expiration_date > effective_date),
        -- Either a combined single limit or the three split limits, never a mix.
        CONSTRAINT insurance_policy_one_form CHECK (
          (combined_single_limit IS NOT NULL AND bodily_injury_per_person IS NULL
             AND bodily_injury_per_accident IS NULL AND property_damage IS NULL)
          OR (combined_single_limit IS NULL AND bodily_injury_per_person IS NOT NULL
             AND bodily_injury_per_accident IS NOT NULL AND property_damage IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX insurance_policy_vehicle_idx ON insurance_policy (vehicle_id, expiration_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insurance_policy`);
    await q.query(`DROP TABLE vehicle`);
    await q.query(`DROP TABLE plate_country_code`);
  }
}
