import type { MigrationInterface, QueryRunner } from 'typeorm';

// The rest of a member's life (docs/domain/member-lifecycle.md): the visa's expiry (caps the ID
// card's), the appointment a promotion replaced, the residence a change notification gives, and the
// ID card numbers reported lost or stolen. A promotion keeps the person's pid on a new appointment,
// so the pid is unique among running appointments only (the replaced one is terminated first).
export class MemberLifecycle1795879200600 implements MigrationInterface {
  name = 'MemberLifecycle1795879200600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN visa_expires_on date,
      ADD COLUMN previous_appointment_id uuid REFERENCES member (id),
      ADD COLUMN residence_address jsonb`);
    await q.query(`DROP INDEX member_pid_key`);
    await q.query(`CREATE UNIQUE INDEX member_pid_key ON member (pid) WHERE status <> 'terminated'`);
    await q.query(`CREATE INDEX member_pid_idx ON member (pid)`);
    await q.query(`CREATE TABLE id_card_report (
        number text PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        kind text NOT NULL CHECK (kind IN ('lost', 'stolen')),
        reported_on date NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX id_card_report_member_id_idx ON id_card_report (member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE id_card_report`);
    await q.query(`DROP INDEX member_pid_idx`);
    await q.query(`DROP INDEX member_pid_key`);
    await q.query(`CREATE UNIQUE INDEX member_pid_key ON member (pid)`);
    await q.query(`ALTER TABLE member DROP COLUMN residence_address, DROP COLUMN previous_appointment_id,
      DROP COLUMN visa_expires_on`);
  }
}
