import type { MigrationInterface, QueryRunner } from 'typeorm';

// Whether a member is a U.S. citizen or permanent resident (ofm.accreditation.v1.Member
// us_citizen_or_permanent_resident): such a member is outside OFM's vehicle program (research §2.1).
// Rows written before this column hold false until the member's next event; accreditation refuses to
// accredit an unflagged U.S. citizen, so false is the safe reading of an old row.
export class MemberReplicaUsCitizen1795879300450 implements MigrationInterface {
  name = 'MemberReplicaUsCitizen1795879300450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE member_replica ADD COLUMN IF NOT EXISTS us_citizen_or_permanent_resident boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_replica DROP COLUMN IF EXISTS us_citizen_or_permanent_resident`);
  }
}
