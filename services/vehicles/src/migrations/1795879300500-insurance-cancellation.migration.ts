import type { MigrationInterface, QueryRunner } from 'typeorm';

// A policy's cancellation (POST …/insurance/{policyId}/cancellation): the cover ends at the start of
// cancelled_on when that comes before the expiration. The expression index serves the reminders
// (policies whose cover ends within 30 days) and the lapse sweep's probes per vehicle.
export class InsuranceCancellation1795879300500 implements MigrationInterface {
  name = 'InsuranceCancellation1795879300500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE insurance_policy
        ADD COLUMN cancelled_on date,
        ADD COLUMN cancellation_reason text,
        ADD CONSTRAINT insurance_policy_cancellation_check
          CHECK ((cancelled_on IS NULL) = (cancellation_reason IS NULL))`);
    await q.query(`
      CREATE INDEX insurance_policy_coverage_end_idx
        ON insurance_policy ((LEAST(expiration_date, COALESCE(cancelled_on, expiration_date))))`);
    await q.query(`
      CREATE INDEX insurance_policy_vehicle_cover_idx
        ON insurance_policy (vehicle_id, effective_date, (LEAST(expiration_date, COALESCE(cancelled_on, expiration_date))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX insurance_policy_vehicle_cover_idx`);
    await q.query(`DROP INDEX insurance_policy_coverage_end_idx`);
    await q.query(`ALTER TABLE insurance_policy DROP COLUMN cancellation_reason, DROP COLUMN cancelled_on`);
  }
}
