import type { MigrationInterface, QueryRunner } from 'typeorm';

// A registration's life after it is issued (issue 9): the disposal due date and the flag raised when it
// passes, the disposal itself, plates replaced after a loss or theft (each keeps verifying
// reported-stolen) and the electronic title ledger.
export class VehicleLifecycle1795879300400 implements MigrationInterface {
  name = 'VehicleLifecycle1795879300400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE vehicle
        ADD COLUMN disposal_due_on    date,
        ADD COLUMN disposal_flag_id   uuid,
        ADD COLUMN disposal_method    text CHECK (disposal_method IN ('sale', 'export', 'transfer', 'junk')),
        ADD COLUMN disposed_on        date,
        ADD COLUMN plates_returned    boolean,
        ADD COLUMN disposal_surcharge text`);
    // The overdue sweep reads only the registrations still waiting for their disposal.
    await q.query(
      `CREATE INDEX vehicle_disposal_due_idx ON vehicle (disposal_due_on) WHERE registration_status = 'disposal-due'`,
    );
    await q.query(`
      CREATE TABLE replaced_plate (
        plate       text PRIMARY KEY,
        vehicle_id  uuid NOT NULL REFERENCES vehicle (id),
        loss        text NOT NULL CHECK (loss IN ('lost', 'stolen')),
        reported_on date NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX replaced_plate_vehicle_idx ON replaced_plate (vehicle_id)`);
    await q.query(`
      CREATE TABLE vehicle_title (
        id          uuid PRIMARY KEY,
        seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        vehicle_id  uuid NOT NULL REFERENCES vehicle (id),
        role        text NOT NULL CHECK (role IN ('owner', 'lienholder', 'lessor')),
        holder      text NOT NULL CHECK (length(holder) BETWEEN 1 AND 200),
        recorded_on date NOT NULL,
        released_on date,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX vehicle_title_vehicle_idx ON vehicle_title (vehicle_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vehicle_title`);
    await q.query(`DROP TABLE replaced_plate`);
    await q.query(`DROP INDEX vehicle_disposal_due_idx`);
    await q.query(`
      ALTER TABLE vehicle
        DROP COLUMN disposal_due_on, DROP COLUMN disposal_flag_id, DROP COLUMN disposal_method,
        DROP COLUMN disposed_on, DROP COLUMN plates_returned, DROP COLUMN disposal_surcharge`);
  }
}
