import type { MigrationInterface, QueryRunner } from 'typeorm';

// The termination checklist (docs/domain/termination-checklist.md): a member may owe several items of
// one document (plates, one per vehicle), so an item is unique per document and reference; a returned
// item keeps the day it came back. member_checklist holds what the sweep did once per member: the
// open documents-not-returned flag and when the immunity-ended notice went out.
export class TerminationChecklist1795879200800 implements MigrationInterface {
  name = 'TerminationChecklist1795879200800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX member_open_item_member_document_key`);
    await q.query(
      `CREATE UNIQUE INDEX member_open_item_member_document_reference_key
         ON member_open_item (member_id, document, reference)`,
    );
    await q.query(`ALTER TABLE member_open_item ADD COLUMN returned_on date`);
    // The sweep's query: open items past due.
    await q.query(`CREATE INDEX member_open_item_open_due_idx ON member_open_item (due_on) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE member_checklist (
        member_id uuid PRIMARY KEY REFERENCES member (id),
        flag_id uuid,
        flag_detail text,
        immunity_end_announced_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE member_checklist`);
    await q.query(`DROP INDEX member_open_item_open_due_idx`);
    await q.query(`ALTER TABLE member_open_item DROP COLUMN returned_on`);
    await q.query(`DROP INDEX member_open_item_member_document_reference_key`);
    await q.query(`CREATE UNIQUE INDEX member_open_item_member_document_key ON member_open_item (member_id, document)`);
  }
}
