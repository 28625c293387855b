import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMemberOpenItem1795879200200 implements MigrationInterface {
  name = 'CreateMemberOpenItem1795879200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_open_item (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        document text NOT NULL,
        reference text NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'returned')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX member_open_item_member_document_key ON member_open_item (member_id, document)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_open_item`);
  }
}
