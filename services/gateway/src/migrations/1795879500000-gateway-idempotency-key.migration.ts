import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayIdempotencyKey1795879500000 implements MigrationInterface {
  name = 'GatewayIdempotencyKey1795879500000';

  async up(q: QueryRunner): Promise<void> {
    // The primary key is the uniqueness that makes a concurrent duplicate lose the INSERT race.
    await q.query(`
      CREATE TABLE idempotency_key (
        actor_subject    text NOT NULL,
        key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        method           text NOT NULL,
        path             text NOT NULL,
        request_hash     text NOT NULL,
        status           text NOT NULL CHECK (status IN ('in-flight', 'completed')),
        response_status  int,
        response_headers jsonb,
        response_body    jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        CONSTRAINT idempotency_key_pkey PRIMARY KEY (actor_subject, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
