import type { MigrationInterface, QueryRunner } from 'typeorm';

// Time in the U.S. and recertification (docs/domain/tenure-and-recertification.md): each mission's
// last confirmation of its staff list, its next due date and the overdue flag it has open; and the
// long-tenure flag open on a member, one at most (the sweep raises it once and clears it).
export class TenureRecertification1795879200850 implements MigrationInterface {
  name = 'TenureRecertification1795879200850';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE mission
        ADD COLUMN recertification_last_confirmed_on date,
        ADD COLUMN recertification_last_confirmed_by text,
        ADD COLUMN recertification_due_on date,
        ADD COLUMN recertification_flag_id uuid`);
    // Missions registered before: due one default cycle (365 days) after registration, OFM's day.
    await q.query(`
      UPDATE mission SET recertification_due_on = (created_at AT TIME ZONE 'America/New_York')::date + 365`);
    await q.query(`ALTER TABLE mission ALTER COLUMN recertification_due_on SET NOT NULL`);
    await q.query(`CREATE INDEX mission_recertification_due_on_idx ON mission (recertification_due_on)`);
    await q.query(`
      CREATE TABLE member_tenure_flag (
        member_id uuid PRIMARY KEY REFERENCES member (id),
        mission_id uuid NOT NULL REFERENCES mission (id),
        flag_id uuid NOT NULL UNIQUE,
        limit_years integer NOT NULL,
        raised_on date NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_tenure_flag`);
    await q.query(`DROP INDEX mission_recertification_due_on_idx`);
    await q.query(`
      ALTER TABLE mission
        DROP COLUMN recertification_flag_id,
        DROP COLUMN recertification_due_on,
        DROP COLUMN recertification_last_confirmed_by,
        DROP COLUMN recertification_last_confirmed_on`);
  }
}
