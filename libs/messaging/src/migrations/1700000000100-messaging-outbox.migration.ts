import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagingOutbox1700000000100 implements MigrationInterface {
  name = 'MessagingOutbox1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL,
        topic text NOT NULL,
        key text NOT NULL,
        type text NOT NULL,
        source text NOT NULL,
        subject text NOT NULL,
        time timestamptz NOT NULL,
        payload jsonb NOT NULL,
        traceparent text,
        tracestate text,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CONSTRAINT outbox_event_id_key UNIQUE (id)
      )`);
    // The relay only ever looks for unpublished rows in seq order; published ones wait for the clean-up.
    await q.query(`CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL`);
    await q.query(
      `CREATE INDEX outbox_event_published_at_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_event`);
  }
}
