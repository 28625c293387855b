import type { MigrationInterface, QueryRunner } from 'typeorm';

// Profile versions and agreements. CHECKs hold the words of proto/ofm/reciprocity/v1, so a bug (or a
// hand-written UPDATE) cannot store a word no consumer knows; a new word is a new migration.
export class ReciprocitySchema1796135022000 implements MigrationInterface {
  name = 'ReciprocitySchema1796135022000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement (
        id uuid PRIMARY KEY,
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        subject text NOT NULL CHECK (subject IN ('same-sex-accreditation', 'property', 'tax', 'customs', 'vehicles', 'consular-immunity')),
        status text NOT NULL CHECK (status IN ('proposed', 'negotiating', 'signed', 'in-force', 'lapsed')),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
        documents text[] NOT NULL DEFAULT '{}',
        proposed_on date NOT NULL,
        signed_on date,
        in_force_on date,
        lapsed_on date,
        profile_version integer,
        version integer NOT NULL DEFAULT 1,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- In force means a profile version came with it.
        CONSTRAINT agreement_in_force_has_profile CHECK (in_force_on IS NULL OR profile_version IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX agreement_country_idx ON agreement (country, proposed_on, id)`);
    await q.query(`
      CREATE TABLE profile_version (
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        version integer NOT NULL CHECK (version >= 1),
        effective_from date NOT NULL,
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
        property_purchase text NOT NULL CHECK (property_purchase IN ('allowed', 'lease-only', 'denied')),
        tax_relief text NOT NULL CHECK (tax_relief IN ('full', 'restricted', 'none')),
        duty_free_entry text NOT NULL CHECK (duty_free_entry IN ('full', 'first-installation', 'none')),
        tax_free_vehicles_per_member integer NOT NULL CHECK (tax_free_vehicles_per_member BETWEEN 0 AND 20),
        vehicle_disposition_surcharge boolean NOT NULL,
        same_sex_spouse_accreditation text NOT NULL CHECK (same_sex_spouse_accreditation IN ('granted', 'denied')),
        fuel_and_utility_exemption boolean NOT NULL,
        consular_bilateral_agreement boolean NOT NULL,
        travel_controls text NOT NULL CHECK (travel_controls IN ('none', 'notify', 'approve')),
        travel_radius_miles integer NOT NULL CHECK (travel_radius_miles BETWEEN 1 AND 500),
        travel_lead_time_hours integer NOT NULL CHECK (travel_lead_time_hours BETWEEN 0 AND 720),
        travel_categories text[] NOT NULL DEFAULT '{}',
        engagement_notices boolean NOT NULL,
        agreement_id uuid REFERENCES agreement (id),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (country, version)
      )`);
    // The measures read every country's versions up to a day.
    await q.query(`CREATE INDEX profile_version_effective_idx ON profile_version (effective_from, country)`);
    await q.query(`ALTER TABLE agreement ADD CONSTRAINT agreement_profile_version_fk
      FOREIGN KEY (country, profile_version) REFERENCES profile_version (country, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agreement DROP CONSTRAINT agreement_profile_version_fk`);
    await q.query(`DROP TABLE profile_version`);
    await q.query(`DROP TABLE agreement`);
  }
}
