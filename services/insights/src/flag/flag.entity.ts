import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagProgram, FlagSeverity, FlagStatus, FlagVisibility } from '@ofm/contracts';

// A compliance flag as the register keeps it (migration create-flag-register).
@Entity({ name: 'flag' })
export class FlagEntity {
  @PrimaryColumn('uuid')
  id!: string;

  // Arrival order, for keyset paging (the database's identity, never written by us).
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('text')
  code!: string;

  @Column('text')
  program!: FlagProgram;

  @Column('text')
  severity!: FlagSeverity;

  @Column('text')
  visibility!: FlagVisibility;

  @Column('text', { name: 'subject_type' })
  subjectType!: string;

  @Column('text', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'mission_id' })
  missionId!: string;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @Column('text', { name: 'raised_by' })
  raisedBy!: string;

  @Column('text')
  detail!: string;

  @Column('text')
  status!: FlagStatus;

  @Column('timestamptz', { name: 'raised_at', nullable: true })
  raisedAt!: Date | null;

  @Column('timestamptz', { name: 'cleared_at', nullable: true })
  clearedAt!: Date | null;

  @Column('text', { name: 'cleared_reason', nullable: true })
  clearedReason!: string | null;
}
