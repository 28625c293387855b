import type { MigrationInterface, QueryRunner } from 'typeorm';

// The facts a notification may leave out are proto3 optional fields (Member.title, visa_class,
// passport_type, weekly_hours): absent is NULL, no longer '' or 0. A stored '' never was a value
// (the words and lengths refused it), so it becomes NULL; a stored 0 hours stays 0, since it cannot
// tell "none given" from "none worked".
export class MemberOptionalFacts1795879200300 implements MigrationInterface {
  name = 'MemberOptionalFacts1795879200300';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['title', 'visa_class', 'passport_type', 'weekly_hours']) {
      await q.query(`ALTER TABLE member ALTER COLUMN ${column} DROP NOT NULL, ALTER COLUMN ${column} DROP DEFAULT`);
    }
    await q.query(`UPDATE member SET title = NULLIF(title, ''), visa_class = NULLIF(visa_class, ''),
      passport_type = NULLIF(passport_type, '')
      WHERE title = '' OR visa_class = '' OR passport_type = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE member SET title = coalesce(title, ''), visa_class = coalesce(visa_class, ''),
      passport_type = coalesce(passport_type, ''), weekly_hours = coalesce(weekly_hours, 0)`);
    await q.query(`ALTER TABLE member ALTER COLUMN title SET DEFAULT '', ALTER COLUMN title SET NOT NULL`);
    await q.query(`ALTER TABLE member ALTER COLUMN visa_class SET DEFAULT '', ALTER COLUMN visa_class SET NOT NULL`);
    await q.query(
      `ALTER TABLE member ALTER COLUMN passport_type SET DEFAULT '', ALTER COLUMN passport_type SET NOT NULL`,
    );
    await q.query(`ALTER TABLE member ALTER COLUMN weekly_hours SET DEFAULT 0, ALTER COLUMN weekly_hours SET NOT NULL`);
  }
}
