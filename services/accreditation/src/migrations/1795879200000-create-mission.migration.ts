import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMission1795879200000 implements MigrationInterface {
  name = 'CreateMission1795879200000';

  async up(q: QueryRunner): Promise<void> {
    // CHECKs hold the DOMAIN.md words, so a bug (or a hand-written UPDATE) cannot store a code that
    // no consumer knows; a new word is a new migration.
    await q.query(`
      CREATE TABLE mission (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        type text NOT NULL CHECK (type IN ('embassy', 'consular-post', 'honorary-consular-post', 'un-mission',
          'un-observer-mission', 'oas-mission', 'international-organization', 'foreign-government-office', 'teco')),
        consular_class text CHECK (consular_class IN ('consulate-general', 'consulate', 'vice-consulate', 'consular-agency')),
        address_line1 text NOT NULL,
        address_city text NOT NULL,
        address_state text NOT NULL,
        address_postal_code text NOT NULL,
        location_lat double precision NOT NULL,
        location_lon double precision NOT NULL,
        consular_district text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
        regional_office text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mission_country_idx ON mission (country)`);
    // Keyset pagination reads in (created_at, id) order.
    await q.query(`CREATE INDEX mission_created_at_id_idx ON mission (created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mission`);
  }
}
