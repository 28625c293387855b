import type { MigrationInterface, QueryRunner } from 'typeorm';

// Insurer feeds (docs/domain/insurer-feeds.md). The raw CSV is kept in chunks as the gateway streams
// it (nothing holds a feed whole), then applied in batches; each batch commits with the feed's
// progress (lines_done), so a crash resumes after the last committed batch.
export class InsuranceFeed1795879300600 implements MigrationInterface {
  name = 'InsuranceFeed1795879300600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insurance_feed (
        id             uuid PRIMARY KEY,
        -- receiving: chunks still arriving (never answered); then pending, running, done.
        status         text NOT NULL CHECK (status IN ('receiving', 'pending', 'running', 'done')),
        -- The idempotency key: the same content is the same feed. NULL while receiving.
        content_sha256 text,
        bytes          bigint NOT NULL DEFAULT 0,
        submitted_by   text NOT NULL,
        -- The last line of the file applied (the header is line 1).
        lines_done     integer NOT NULL DEFAULT 1,
        rows_applied   integer NOT NULL DEFAULT 0,
        rows_refused   integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        finished_at    timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX insurance_feed_content_key ON insurance_feed (content_sha256)`);
    await q.query(`CREATE INDEX insurance_feed_unfinished_idx ON insurance_feed (created_at) WHERE status <> 'done'`);
    await q.query(`
      CREATE TABLE insurance_feed_chunk (
        feed_id uuid NOT NULL REFERENCES insurance_feed (id) ON DELETE CASCADE,
        seq     integer NOT NULL CHECK (seq >= 0),
        data    bytea NOT NULL,
        PRIMARY KEY (feed_id, seq)
      )`);
    await q.query(`
      CREATE TABLE insurance_feed_error (
        feed_id uuid NOT NULL REFERENCES insurance_feed (id) ON DELETE CASCADE,
        line    integer NOT NULL,
        ordinal smallint NOT NULL,
        field   text NOT NULL,
        message text NOT NULL,
        PRIMARY KEY (feed_id, line, ordinal)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insurance_feed_error`);
    await q.query(`DROP TABLE insurance_feed_chunk`);
    await q.query(`DROP TABLE insurance_feed`);
  }
}
