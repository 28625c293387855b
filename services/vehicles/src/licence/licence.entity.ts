import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NULL_AS_UNDEFINED } from '../shared/optional-column';

// An OFM driver licence (ofm.vehicles.v1.Licence); its status and points are derived from the
// violations and suspensions on each read (points.rules.ts), never stored.
@Entity({ name: 'licence' })
export class LicenceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  number!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'mission_id', type: 'uuid' })
  missionId!: string;

  @Column({ name: 'licence_class', type: 'text' })
  licenceClass!: string;

  @Column({ type: 'text', array: true })
  restrictions!: string[];

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  // The day the holder's appointment ended.
  @Column({ name: 'ended_on', type: 'date', nullable: true, transformer: NULL_AS_UNDEFINED })
  endedOn?: string;

  // The open points-threshold flag, so it is raised once while the points stay at 8 or more; null
  // again once they fall below (the review sweep or the next violation clears it).
  @Column({ name: 'points_flag_id', type: 'uuid', nullable: true, transformer: NULL_AS_UNDEFINED })
  pointsFlagId?: string;

  @Column('int')
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'licence_violation' })
export class LicenceViolationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  // The offence's day (OFM's day).
  @Column({ type: 'date' })
  date!: string;

  @Column('text')
  code!: string;

  @Column('int')
  points!: number;

  @Column('boolean')
  dui!: boolean;

  @Column({ name: 'test_refused', type: 'boolean' })
  testRefused!: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

@Entity({ name: 'licence_suspension' })
export class LicenceSuspensionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'licence_id', type: 'uuid' })
  licenceId!: string;

  @Column('text')
  reason!: 'points' | 'dui-test-refused';

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  // The last day suspended.
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'violation_id', type: 'uuid' })
  violationId!: string;
}
