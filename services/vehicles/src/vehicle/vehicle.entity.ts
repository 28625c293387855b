import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DisposalMethod, InsuranceStatus, RegistrationStatus, VehicleKind } from '@ofm/contracts';
import { NULL_AS_UNDEFINED } from '../shared/optional-column';

// One diplomatic vehicle and its OFM registration, under the names of ofm.vehicles.v1.Vehicle
// (registration status and dates flat here, nested in the message). Indexes and constraints are
// declared in the hand-written migration; the decorators only map columns.
@Entity({ name: 'vehicle' })
export class VehicleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  // Insertion order, the stable key of cursor pagination.
  // An identity column filled by PostgreSQL; never written by the service.
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  // Exactly one owner (CHECK vehicle_one_owner): a member (or dependent's principal) or the mission.
  @Column({ name: 'owner_member_id', type: 'uuid', nullable: true, transformer: NULL_AS_UNDEFINED })
  ownerMemberId?: string;

  @Column({ name: 'owner_mission_id', type: 'uuid', nullable: true, transformer: NULL_AS_UNDEFINED })
  ownerMissionId?: string;

  // The owner's mission for a member's vehicle: every read is scoped by it.
  @Index()
  @Column({ name: 'mission_id', type: 'uuid' })
  missionId!: string;

  @Column('text')
  vin!: string;

  @Column('text')
  make!: string;

  @Column('text')
  model!: string;

  @Column('int')
  year!: number;

  @Column('text')
  kind!: VehicleKind;

  @Column('text')
  plate!: string;

  @Column({ name: 'registration_status', type: 'text' })
  registrationStatus!: RegistrationStatus;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'insurance_status', type: 'text' })
  insuranceStatus!: InsuranceStatus;

  // The open insurance-lapse flag, cleared (flag.cleared event) when insurance is recorded again.
  @Column({ name: 'lapse_flag_id', type: 'uuid', nullable: true })
  lapseFlagId!: string | null;

  // Set when the owner's appointment ends: the registration must be disposed of by this day.
  @Column({ name: 'disposal_due_on', type: 'date', nullable: true, transformer: NULL_AS_UNDEFINED })
  disposalDueOn?: string;

  // The open disposal-due flag, raised once the due date has passed and cleared at disposal.
  @Column({ name: 'disposal_flag_id', type: 'uuid', nullable: true })
  disposalFlagId!: string | null;

  // The disposal, once recorded (all four together).
  @Column({ name: 'disposal_method', type: 'text', nullable: true, transformer: NULL_AS_UNDEFINED })
  disposalMethod?: DisposalMethod;

  @Column({ name: 'disposed_on', type: 'date', nullable: true, transformer: NULL_AS_UNDEFINED })
  disposedOn?: string;

  @Column({ name: 'plates_returned', type: 'boolean', nullable: true, transformer: NULL_AS_UNDEFINED })
  platesReturned?: boolean;

  // The reciprocal disposition surcharge paid, naming the profile version that imposed it.
  @Column({ name: 'disposal_surcharge', type: 'text', nullable: true, transformer: NULL_AS_UNDEFINED })
  disposalSurcharge?: string;

  @Column('int')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
