import type { MigrationInterface, QueryRunner } from 'typeorm';

// The decisions that depend on the sending country's reciprocity profile: whether a spouse is of the
// same sex as the principal, and which profile version the last accreditation decision used.
export class MemberReciprocity1795879200500 implements MigrationInterface {
  name = 'MemberReciprocity1795879200500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN same_sex_spouse boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE member ADD COLUMN reciprocity_profile_version integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member DROP COLUMN reciprocity_profile_version`);
    await q.query(`ALTER TABLE member DROP COLUMN same_sex_spouse`);
  }
}
