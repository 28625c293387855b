import type { MigrationInterface, QueryRunner } from 'typeorm';

// The replica of reciprocity's country profiles: one row per (country, version). The index serves
// the only query, "the version in force on a day".
export class ReplicasReciprocityProfile1795879200500 implements MigrationInterface {
  name = 'ReplicasReciprocityProfile1795879200500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reciprocity_profile_replica (
        country         text NOT NULL,
        version         integer NOT NULL,
        effective_from  date NOT NULL,
        profile         jsonb NOT NULL,
        last_event_time timestamptz NOT NULL,
        PRIMARY KEY (country, version)
      )`);
    await q.query(
      `CREATE INDEX reciprocity_profile_replica_in_force ON reciprocity_profile_replica (country, effective_from DESC, version DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reciprocity_profile_replica`);
  }
}
