import type { MigrationInterface, QueryRunner } from 'typeorm';

// A member has an immunity level only once accredited (ofm.accreditation.v1.Member.immunity_level is
// proto3 `optional`): a notified member's event carries none, which the replica keeps as NULL.
// Moved here from the vehicles service with its name and timestamp, so databases that already ran it
// do not run it again.
export class MemberReplicaOptionalImmunity1795879300300 implements MigrationInterface {
  name = 'MemberReplicaOptionalImmunity1795879300300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member_replica ALTER COLUMN immunity_level DROP NOT NULL`);
    await q.query(`UPDATE member_replica SET immunity_level = NULL WHERE immunity_level = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE member_replica SET immunity_level = '' WHERE immunity_level IS NULL`);
    await q.query(`ALTER TABLE member_replica ALTER COLUMN immunity_level SET NOT NULL`);
  }
}
