import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagingInbox1700000000200 implements MigrationInterface {
  name = 'MessagingInbox1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox_event (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_event`);
  }
}
