import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayVerificationAudit1795879500100 implements MigrationInterface {
  name = 'GatewayVerificationAudit1795879500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE verification_audit (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        actor_subject text NOT NULL,
        actor_roles   text[] NOT NULL DEFAULT '{}',
        query_kind    text NOT NULL CHECK (query_kind IN ('id-card', 'plate')),
        query_value   text NOT NULL,
        result_status text NOT NULL,
        trace_id      text
      )`);
    await q.query(`CREATE INDEX verification_audit_occurred_at_idx ON verification_audit (occurred_at)`);
    await q.query(`CREATE INDEX verification_audit_actor_idx ON verification_audit (actor_subject, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verification_audit`);
  }
}
