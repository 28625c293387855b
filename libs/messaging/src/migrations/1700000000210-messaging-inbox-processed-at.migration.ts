import type { MigrationInterface, QueryRunner } from 'typeorm';

// The inbox retention deletes by processed_at. Built CONCURRENTLY, so a large inbox keeps taking
// events meanwhile, which cannot run in a transaction; a build that failed half-way leaves an invalid
// index, dropped before trying again.
export class MessagingInboxProcessedAt1700000000210 implements MigrationInterface {
  name = 'MessagingInboxProcessedAt1700000000210';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS inbox_event_processed_at_idx`);
    await q.query(`CREATE INDEX CONCURRENTLY inbox_event_processed_at_idx ON inbox_event (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS inbox_event_processed_at_idx`);
  }
}
