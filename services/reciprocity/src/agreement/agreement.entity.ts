import type { AgreementStatus, AgreementSubject } from '@ofm/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// A bilateral agreement on reciprocity, under the names of ofm.reciprocity.v1.Agreement. The day of
// each status reached is kept, so the history of the negotiation reads off the row.
@Entity({ name: 'agreement' })
export class AgreementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  country!: string;

  @Column('text')
  subject!: AgreementSubject;

  @Column('text')
  status!: AgreementStatus;

  @Column('text')
  summary!: string;

  @Column('text', { array: true })
  documents!: string[];

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn!: string;

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  @Column({ name: 'in_force_on', type: 'date', nullable: true })
  inForceOn!: string | null;

  @Column({ name: 'lapsed_on', type: 'date', nullable: true })
  lapsedOn!: string | null;

  // The profile version its entry into force recorded (composite FK with country in the migration).
  @Column({ name: 'profile_version', type: 'integer', nullable: true })
  profileVersion!: number | null;

  @Column('integer')
  version!: number;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
