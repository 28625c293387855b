import type { MigrationInterface, QueryRunner } from 'typeorm';

// The flag register: one row per compliance flag of any program, as read from ofm.compliance.flag.v1.
// CHECKs hold the vocabulary's words (ofm.compliance.v1 FlagProgram, FlagSeverity, FlagVisibility,
// FlagStatus), so a bad event is refused (dead-lettered) instead of stored; a new word is a new
// migration. raised_at is null only while a clear has arrived before its raise.
export class CreateFlagRegister1796135283887 implements MigrationInterface {
  name = 'CreateFlagRegister1796135283887';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE flag (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        code text NOT NULL,
        program text NOT NULL CHECK (program IN ('accreditation', 'vehicles', 'travel', 'property', 'tax', 'customs', 'banking', 'emergency')),
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        visibility text NOT NULL CHECK (visibility IN ('internal', 'partner')),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        mission_id uuid NOT NULL,
        member_id uuid,
        raised_by text NOT NULL,
        detail text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('open', 'cleared')),
        raised_at timestamptz,
        cleared_at timestamptz,
        cleared_reason text,
        CHECK ((status = 'cleared') = (cleared_at IS NOT NULL))
      )`);
    // The lists: a mission's flags, a member's flags, each by status, in arrival order.
    await q.query(`CREATE INDEX flag_mission_idx ON flag (mission_id, status, seq)`);
    await q.query(`CREATE INDEX flag_member_idx ON flag (member_id, status, seq) WHERE member_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE flag`);
  }
}
