import type { TravelPurpose, TravelStatus } from '@ofm/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A travel notification as stored. Property names are the fields of ofm.accreditation.v1.
// TravelNotification, so a row reads as its message (shared/message.util.ts). The decision's inputs
// (centre, distance, radius, lead time, profile version) are stored, not recomputed: a later
// profile must not rewrite why a trip needed a notice.

// Two groups of flat columns rather than jsonb, as the mission's location: each says what it holds.
export class DestinationColumns {
  @Column('text', { name: 'destination_name' })
  name!: string;

  @Column('double precision', { name: 'destination_lat' })
  lat!: number;

  @Column('double precision', { name: 'destination_lon' })
  lon!: number;
}

export class CentreColumns {
  @Column('text', { name: 'centre_name' })
  name!: string;

  @Column('double precision', { name: 'centre_lat' })
  lat!: number;

  @Column('double precision', { name: 'centre_lon' })
  lon!: number;
}

@Entity({ name: 'travel_notification' })
@Index('travel_notification_created_at_id_idx', ['createdAt', 'id'])
export class TravelNotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('travel_notification_member_idx')
  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Index('travel_notification_mission_idx')
  @Column('uuid', { name: 'mission_id' })
  missionId!: string;

  @Column(() => DestinationColumns, { prefix: false })
  destination!: DestinationColumns;

  @Column('timestamptz', { name: 'departs_at' })
  departsAt!: Date;

  @Column('timestamptz', { name: 'returns_at' })
  returnsAt!: Date;

  @Column('text')
  purpose!: TravelPurpose;

  @Column('text', { name: 'purpose_detail', nullable: true })
  purposeDetail!: string | null;

  @Column('text')
  status!: TravelStatus;

  @Column('boolean', { name: 'notice_required' })
  noticeRequired!: boolean;

  @Column('boolean', { name: 'approval_required' })
  approvalRequired!: boolean;

  @Column('boolean', { name: 'lead_time_met' })
  leadTimeMet!: boolean;

  @Column('boolean', { name: 'reported_by_officer' })
  reportedByOfficer!: boolean;

  @Column('double precision', { name: 'distance_miles' })
  distanceMiles!: number;

  @Column(() => CentreColumns, { prefix: false })
  centre!: CentreColumns;

  @Column('text', { name: 'travel_controls' })
  travelControls!: string;

  @Column('integer', { name: 'radius_miles' })
  radiusMiles!: number;

  @Column('integer', { name: 'lead_time_hours' })
  leadTimeHours!: number;

  @Column('text', { name: 'profile_country' })
  profileCountry!: string;

  @Column('integer', { name: 'profile_version' })
  profileVersion!: number;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'flag_codes', array: true, default: () => `'{}'` })
  flagCodes!: string[];

  @Column('integer')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
