import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersistenceCommandReceipt1700000000300 implements MigrationInterface {
  name = 'PersistenceCommandReceipt1700000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per command run under a request id (inCommand), written in the command's own transaction.
    // The primary key is what makes a concurrent duplicate wait for the first and then replay its answer.
    // `answer` is NULL only inside the claiming transaction; a committed row always holds the answer.
    await queryRunner.query(`
      CREATE TABLE command_receipt (
        request_id text NOT NULL CHECK (length(request_id) BETWEEN 1 AND 255),
        method text NOT NULL,
        answer jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT command_receipt_pkey PRIMARY KEY (request_id, method)
      )`);
    await queryRunner.query(`CREATE INDEX command_receipt_created_at_idx ON command_receipt (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE command_receipt`);
  }
}
