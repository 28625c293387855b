import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersistenceAuditRecord1700000000000 implements MigrationInterface {
  name = 'PersistenceAuditRecord1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // gen_random_uuid() is core since PostgreSQL 13: no extension needed.
    await queryRunner.query(`
      CREATE TABLE audit_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_subject text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        reason text,
        trace_id text
      )`);
    await queryRunner.query(`CREATE INDEX audit_record_entity_idx ON audit_record (entity_type, entity_id)`);
    await queryRunner.query(`CREATE INDEX audit_record_occurred_at_idx ON audit_record (occurred_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_record`);
  }
}
