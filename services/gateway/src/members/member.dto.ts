import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../http/page.dto';
import { IsCountryCode, IsoDayProperty } from '../http/validators';

export const MEMBER_CATEGORIES = [
  'diplomatic-agent',
  'administrative-technical',
  'service-staff',
  'consular-officer',
  'consular-employee',
  'consular-service-staff',
  'honorary-consular-officer',
  'io-diplomatic',
  'io-support-staff',
  'io-official',
  'locally-employed',
  'domestic-worker',
  'dependent',
] as const;
export const MEMBER_STATUSES = ['notified', 'accredited', 'refused', 'terminated'] as const;
export const IMMUNITY_LEVELS = ['full', 'full-criminal', 'official-acts', 'none'] as const;
export const VISA_CLASSES = [
  'A-1',
  'A-2',
  'A-3',
  'G-1',
  'G-2',
  'G-3',
  'G-4',
  'G-5',
  'NATO-1',
  'NATO-2',
  'NATO-3',
  'NATO-4',
  'NATO-5',
  'NATO-6',
  'NATO-7',
] as const;
export const PASSPORT_TYPES = ['diplomatic', 'official', 'regular'] as const;
export const RELATIONSHIPS = ['spouse', 'child'] as const;

const isDependent = (o: { category?: string }): boolean => o.category === 'dependent';

// POST /members: the notification of appointment (CONTRACT.md fixed fields, plus the facts the
// accreditation criteria of DOMAIN.md read).
export class NotifyAppointmentDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "required, except for a mission user (defaults to the caller's mission)",
  })
  @IsOptional()
  @IsUUID()
  missionId?: string;

  @ApiProperty({ example: 'Claire' }) @IsString() @IsNotEmpty() @MaxLength(100) givenName!: string;
  @ApiProperty({ example: 'Moreau' }) @IsString() @IsNotEmpty() @MaxLength(100) familyName!: string;
  @IsoDayProperty('date of birth') dateOfBirth!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FR' }) @IsString() @IsCountryCode() nationality!: string;

  @ApiProperty({ enum: MEMBER_CATEGORIES }) @IsIn(MEMBER_CATEGORIES) category!: string;

  @ApiPropertyOptional({ example: 'First Secretary' }) @IsOptional() @IsString() @MaxLength(100) title?: string;
  @ApiPropertyOptional({ enum: VISA_CLASSES }) @IsOptional() @IsIn(VISA_CLASSES) visaClass?: string;
  @ApiPropertyOptional({ enum: PASSPORT_TYPES }) @IsOptional() @IsIn(PASSPORT_TYPES) passportType?: string;
  @IsoDayProperty('arrival in the U.S. or date of appointment') arrivalDate!: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() usCitizenOrPermanentResident?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 168, example: 40 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  weeklyHours?: number;

  @ApiPropertyOptional({ description: "the sending state's travel and transfer attestation", default: false })
  @IsOptional()
  @IsBoolean()
  transferPolicyAttested?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'dependents: the principal member' })
  @ValidateIf(isDependent)
  @IsUUID()
  principalId?: string;

  @ApiPropertyOptional({ enum: RELATIONSHIPS, description: 'dependents: relationship to the principal' })
  @ValidateIf(isDependent)
  @IsIn(RELATIONSHIPS)
  relationship?: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() residesInWashingtonMetro?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() commercialActivity?: boolean;
  @ApiPropertyOptional({ default: false, description: 'a pending U.S. charge punishable by a year or more' })
  @IsOptional()
  @IsBoolean()
  pendingSeriousCharge?: boolean;
  @IsoDayProperty('expected departure', false) expectedDepartureDate?: string;
  @ApiPropertyOptional({ default: false, description: 'children 21-22 in full-time study' })
  @IsOptional()
  @IsBoolean()
  fullTimeStudent?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() disabled?: boolean;
}

export class AccreditationDecisionDto {
  @ApiProperty({ enum: ['accredit'], description: 'refusals come from the rules, each failed criterion named (422)' })
  @IsIn(['accredit'])
  decision!: string;
}

export class TerminationDto {
  @IsoDayProperty('the day the appointment ends') effectiveDate!: string;

  @ApiProperty({ example: 'end of assignment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @IsoDayProperty('the day the member leaves the U.S., if known (immunity ends at the earlier)', false)
  departureDate?: string;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() missionId?: string;
  @ApiPropertyOptional({ enum: MEMBER_STATUSES }) @IsOptional() @IsIn(MEMBER_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: MEMBER_CATEGORIES }) @IsOptional() @IsIn(MEMBER_CATEGORIES) category?: string;
}

export class IdCardView {
  @ApiProperty() number!: string;
  @ApiProperty({ enum: ['blue', 'green', 'red'] }) color!: string;
  @ApiProperty({ format: 'date' }) expiresOn!: string;
}

export class FailedCriterionView {
  @ApiProperty({ description: 'stable code of the accreditation criterion', example: 'diplomatic-passport' })
  criterion!: string;
  @ApiProperty({ example: 'a diplomatic agent must hold a diplomatic passport' }) message!: string;
}

export class OpenItemView {
  @ApiProperty({
    description:
      'the document to give back (id-card; tax cards, plates and licences are tracked where they are issued)',
    example: 'id-card',
  })
  document!: string;
  @ApiProperty({ description: 'its number', example: 'D000000042' }) reference!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: ['open', 'returned'] }) status!: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "OFM's 10-digit person identifier" }) pid!: string;
  @ApiProperty({ format: 'uuid' }) missionId!: string;
  @ApiProperty({ nullable: true, type: String }) missionCountry!: string | null;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ format: 'date' }) dateOfBirth!: string;
  @ApiProperty() nationality!: string;
  @ApiProperty({ enum: MEMBER_CATEGORIES }) category!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) visaClass!: string | null;
  @ApiProperty({ nullable: true, type: String }) passportType!: string | null;
  @ApiProperty({ format: 'date' }) arrivalDate!: string;
  @ApiProperty() usCitizenOrPermanentResident!: boolean;
  @ApiProperty() weeklyHours!: number;
  @ApiProperty() transferPolicyAttested!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) principalId!: string | null;
  @ApiProperty({ nullable: true, enum: RELATIONSHIPS, type: String }) relationship!: string | null;
  @ApiProperty({ enum: MEMBER_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, enum: IMMUNITY_LEVELS, type: String }) immunityLevel!: string | null;
  @ApiProperty({ type: IdCardView, nullable: true, description: 'once accredited' }) idCard!: IdCardView | null;
  @ApiProperty() residesInWashingtonMetro!: boolean;
  @ApiProperty() commercialActivity!: boolean;
  @ApiProperty() pendingSeriousCharge!: boolean;
  @ApiProperty() fullTimeStudent!: boolean;
  @ApiProperty() disabled!: boolean;
  @ApiProperty() lateNotification!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) notifiedOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expectedDepartureDate!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) terminationEffectiveDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) terminationReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) immunityEndsOn!: string | null;
  @ApiProperty({
    type: [FailedCriterionView],
    description: 'why the last accreditation was refused, one entry per failed criterion; empty otherwise',
  })
  failedCriteria!: FailedCriterionView[];
  @ApiProperty({
    type: [OpenItemView],
    description: 'documents to return after termination, tracked until returned; empty before',
  })
  openItems!: OpenItemView[];
  @ApiProperty({ description: 'optimistic concurrency version (also the ETag)' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
