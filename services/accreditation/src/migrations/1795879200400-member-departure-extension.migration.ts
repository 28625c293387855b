import type { MigrationInterface, QueryRunner } from 'typeorm';

// Member.departure_extension_requested: the termination's 60-day extension of the time to leave.
// Every termination stored before it had 30 days, so existing rows are false.
export class MemberDepartureExtension1795879200400 implements MigrationInterface {
  name = 'MemberDepartureExtension1795879200400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN departure_extension_requested boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member DROP COLUMN departure_extension_requested`);
  }
}
