import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FailedCriterion } from './accreditation.rules';
import type { IdCardColor, ImmunityLevel, MemberCategory, MemberStatus } from './member.model';

// Dates of the domain (birth, arrival, termination) are `date` columns, which TypeORM hands over as
// 'YYYY-MM-DD' strings: no time zone can move them.
@Entity({ name: 'member' })
@Index('member_created_at_id_idx', ['createdAt', 'id'])
export class MemberEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('member_pid_key', { unique: true })
  @Column('text')
  pid!: string;

  @Index('member_mission_id_idx')
  @Column('uuid', { name: 'mission_id' })
  missionId!: string;

  // The mission's country, copied at notification so events carry it without a second lookup.
  @Column('text', { name: 'mission_country' })
  missionCountry!: string;

  @Column('text', { name: 'given_name' })
  givenName!: string;

  @Column('text', { name: 'family_name' })
  familyName!: string;

  @Column('date', { name: 'date_of_birth' })
  dateOfBirth!: string;

  @Column('text')
  nationality!: string;

  @Column('text')
  category!: MemberCategory;

  @Column('text')
  title!: string;

  @Column('text', { name: 'visa_class' })
  visaClass!: string;

  @Column('text', { name: 'passport_type' })
  passportType!: string;

  @Column('date', { name: 'arrival_date' })
  arrivalDate!: string;

  @Column('date', { name: 'expected_departure_date', nullable: true })
  expectedDepartureDate!: string | null;

  @Column('boolean', { name: 'us_citizen_or_permanent_resident' })
  usCitizenOrPermanentResident!: boolean;

  @Column('double precision', { name: 'weekly_hours' })
  weeklyHours!: number;

  @Column('boolean', { name: 'transfer_policy_attested' })
  transferPolicyAttested!: boolean;

  @Column('boolean', { name: 'resides_in_washington_metro' })
  residesInWashingtonMetro!: boolean;

  @Column('boolean', { name: 'commercial_activity' })
  commercialActivity!: boolean;

  @Column('boolean', { name: 'pending_serious_charge' })
  pendingSeriousCharge!: boolean;

  @Index('member_principal_id_idx')
  @Column('uuid', { name: 'principal_id', nullable: true })
  principalId!: string | null;

  @Column('text', { nullable: true })
  relationship!: string | null;

  @Column('boolean', { name: 'full_time_student' })
  fullTimeStudent!: boolean;

  @Column('boolean')
  disabled!: boolean;

  @Column('text')
  status!: MemberStatus;

  @Column('date', { name: 'notified_on' })
  notifiedOn!: string;

  @Column('boolean', { name: 'late_notification' })
  lateNotification!: boolean;

  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn!: string | null;

  // Why the last accreditation was refused, criterion by criterion (Member.failed_criteria; the
  // refusal answer and memberRefused name the same criteria). Null once accredited.
  @Column('jsonb', { name: 'failed_criteria', nullable: true })
  failedCriteria!: FailedCriterion[] | null;

  @Column('text', { name: 'immunity_level', nullable: true })
  immunityLevel!: ImmunityLevel | null;

  @Index('member_id_card_number_key', { unique: true })
  @Column('text', { name: 'id_card_number', nullable: true })
  idCardNumber!: string | null;

  @Column('text', { name: 'id_card_color', nullable: true })
  idCardColor!: IdCardColor | null;

  @Column('date', { name: 'id_card_expires_on', nullable: true })
  idCardExpiresOn!: string | null;

  @Column('date', { name: 'termination_effective_date', nullable: true })
  terminationEffectiveDate!: string | null;

  @Column('text', { name: 'termination_reason', nullable: true })
  terminationReason!: string | null;

  @Column('date', { name: 'departure_date', nullable: true })
  departureDate!: string | null;

  @Column('date', { name: 'immunity_ends_on', nullable: true })
  immunityEndsOn!: string | null;

  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
