import type { MigrationInterface, QueryRunner } from 'typeorm';

// The proof of insurance a policy was filed with (DOMAIN.md: a binder valid at least 30 days, a
// certificate or the declarations page). Nullable: policies recorded before, and clients that do
// not state it, have none.
export class InsuranceProofType1795879300200 implements MigrationInterface {
  name = 'InsuranceProofType1795879300200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE insurance_policy
        ADD COLUMN proof_type text
          CONSTRAINT insurance_policy_proof_type_check CHECK (proof_type IN ('binder', 'certificate', 'declarations-page'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insurance_policy DROP COLUMN proof_type`);
  }
}
