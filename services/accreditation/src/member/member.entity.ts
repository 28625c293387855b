import type { common, IdCardColor, ImmunityLevel, MemberCategory, MemberStatus, Relationship } from '@ofm/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FailedCriterion } from './member.facts';

// The member as stored. Property names are the fields of ofm.accreditation.v1.Member (and of the
// NotifyAppointmentRequest that creates it), so that a row reads as its message and a request
// writes as its row without naming a field (shared/message.util.ts); a nullable column is an
// optional field, null when absent. Dates of the domain (birth, arrival, termination) are `date`
// columns, which TypeORM hands over as 'YYYY-MM-DD' strings: no time zone can move them.

// Member.id_card: the three id_card_* columns, all null until a card is issued.
export class IdCardColumns {
  @Index('member_id_card_number_key', { unique: true })
  @Column('text', { name: 'id_card_number', nullable: true })
  number!: string | null;

  @Column('text', { name: 'id_card_color', nullable: true })
  color!: IdCardColor | null;

  @Column('date', { name: 'id_card_expires_on', nullable: true })
  expiresOn!: string | null;
}

@Entity({ name: 'member' })
@Index('member_created_at_id_idx', ['createdAt', 'id'])
export class MemberEntity {
  @PrimaryColumn('uuid')
  id!: string;

  // One pid per person: unique among running appointments, shared with the terminated appointment
  // a promotion replaced (previousAppointmentId).
  @Index('member_pid_key', { unique: true, where: "status <> 'terminated'" })
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

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('text', { name: 'visa_class', nullable: true })
  visaClass!: string | null;

  @Column('text', { name: 'passport_type', nullable: true })
  passportType!: string | null;

  @Column('date', { name: 'arrival_date' })
  arrivalDate!: string;

  @Column('date', { name: 'expected_departure_date', nullable: true })
  expectedDepartureDate!: string | null;

  @Column('boolean', { name: 'us_citizen_or_permanent_resident' })
  usCitizenOrPermanentResident!: boolean;

  @Column('double precision', { name: 'weekly_hours', nullable: true })
  weeklyHours!: number | null;

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
  relationship!: Relationship | null;

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

  // Not part of the message: the day of the last accreditation decision.
  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn!: string | null;

  // Why the last accreditation was refused, criterion by criterion (the refusal answer and
  // memberRefused name the same criteria). Null once accredited.
  @Column('jsonb', { name: 'failed_criteria', nullable: true })
  failedCriteria!: FailedCriterion[] | null;

  @Column('text', { name: 'immunity_level', nullable: true })
  immunityLevel!: ImmunityLevel | null;

  @Column(() => IdCardColumns, { prefix: false })
  idCard!: IdCardColumns;

  @Column('date', { name: 'termination_effective_date', nullable: true })
  terminationEffectiveDate!: string | null;

  @Column('text', { name: 'termination_reason', nullable: true })
  terminationReason!: string | null;

  // Not part of the message: the departure date the termination gave, if any (immunityEndsOn reads it).
  @Column('date', { name: 'departure_date', nullable: true })
  departureDate!: string | null;

  // The termination's 60-day extension of the time to leave, asked in advance (false before termination).
  @Column('boolean', { name: 'departure_extension_requested', default: false })
  departureExtensionRequested!: boolean;

  @Column('date', { name: 'immunity_ends_on', nullable: true })
  immunityEndsOn!: string | null;

  @Column('date', { name: 'visa_expires_on', nullable: true })
  visaExpiresOn!: string | null;

  @Column('uuid', { name: 'previous_appointment_id', nullable: true })
  previousAppointmentId!: string | null;

  // ofm.common.v1.Address as its proto3 JSON; null until a change notification gives it.
  @Column('jsonb', { name: 'residence_address', nullable: true })
  residenceAddress!: common.Address | null;

  // A spouse of the same sex as the principal (accredited where the sending country's profile grants it).
  @Column('boolean', { name: 'same_sex_spouse', default: false })
  sameSexSpouse!: boolean;

  // The reciprocity profile version of the sending country that the last accreditation decision used.
  @Column('int', { name: 'reciprocity_profile_version', nullable: true })
  reciprocityProfileVersion!: number | null;

  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
