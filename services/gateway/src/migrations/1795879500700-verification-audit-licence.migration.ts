import type { MigrationInterface, QueryRunner } from 'typeorm';

// GET /verify?licence= is audited like a card or a plate: the query kind may be `licence` too.
export class VerificationAuditLicence1795879500700 implements MigrationInterface {
  name = 'VerificationAuditLicence1795879500700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE verification_audit DROP CONSTRAINT verification_audit_query_kind_check`);
    await q.query(`
      ALTER TABLE verification_audit ADD CONSTRAINT verification_audit_query_kind_check
        CHECK (query_kind IN ('id-card', 'plate', 'licence'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM verification_audit WHERE query_kind = 'licence'`);
    await q.query(`ALTER TABLE verification_audit DROP CONSTRAINT verification_audit_query_kind_check`);
    await q.query(`
      ALTER TABLE verification_audit ADD CONSTRAINT verification_audit_query_kind_check
        CHECK (query_kind IN ('id-card', 'plate'))`);
  }
}
