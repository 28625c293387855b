import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../http/page.dto';
import { IsoDayProperty } from '../http/validators';

export const VEHICLE_KINDS = ['car', 'motorcycle', 'trailer'] as const;
export const REGISTRATION_STATUSES = ['pending-insurance', 'active', 'suspended', 'disposal-due', 'disposed'] as const;
export const INSURANCE_STATUSES = ['insured', 'uninsured', 'lapsed'] as const;
// The accepted proofs of insurance (DOMAIN.md); the vehicles service holds the rule that a binder must
// run at least 30 days.
export const PROOF_TYPES = ['binder', 'certificate', 'declarations-page'] as const;
const PROOF_TYPE_DESCRIPTION =
  "the proof of insurance filed: binder (must run at least 30 days from effectiveDate to expirationDate, else 422 rule insurance-binder-duration), certificate, or declarations-page (the policy's declarations page)";

const hasNoMissionOwner = (o: { ownerMissionId?: string }): boolean => o.ownerMissionId === undefined;
const hasNoMemberOwner = (o: { ownerMemberId?: string }): boolean => o.ownerMemberId === undefined;

export class RegisterVehicleDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the member (or dependent) who owns it; or give ownerMissionId' })
  @ValidateIf(hasNoMissionOwner)
  @IsUUID(undefined, { message: '$property must be a UUID (give ownerMemberId or ownerMissionId)' })
  ownerMemberId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the mission that owns it; or give ownerMemberId' })
  @ValidateIf(hasNoMemberOwner)
  @IsUUID(undefined, { message: '$property must be a UUID (give ownerMemberId or ownerMissionId)' })
  ownerMissionId?: string;

  @ApiProperty({ description: 'ISO 3779 VIN: 17 letters and digits without I, O, Q', example: '1HGCM82633A004352' })
  @IsString()
  @Matches(/^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$/, { message: '$property must be 17 letters and digits, without I, O or Q' })
  vin!: string;

  @ApiProperty({ example: 'Toyota' }) @IsString() @IsNotEmpty() @MaxLength(100) make!: string;
  @ApiProperty({ example: 'Camry' }) @IsString() @IsNotEmpty() @MaxLength(100) model!: string;

  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(1886)
  @Max(9999)
  year!: number;

  @ApiProperty({ enum: VEHICLE_KINDS }) @IsIn(VEHICLE_KINDS) kind!: string;
}

export class MoneyDto {
  @ApiProperty({ description: 'decimal string', example: '300000.00' })
  @IsString()
  @Matches(/^\d{1,15}(\.\d{1,2})?$/, { message: '$property must be a decimal string such as "300000.00"' })
  amount!: string;

  @ApiProperty({ description: 'ISO 4217', example: 'USD' })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as "USD"' })
  currency!: string;
}

const splitLimits = (o: { combinedSingleLimit?: unknown }): boolean => o.combinedSingleLimit === undefined;

const MoneyProperty =
  (description: string, required: (o: InsurancePolicyDto) => boolean): PropertyDecorator =>
  (target, key) => {
    ApiPropertyOptional({ type: MoneyDto, description })(target, key);
    ValidateIf(required)(target, key);
    IsDefined({ message: `$property is required unless combinedSingleLimit is given` })(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(() => MoneyDto)(target, key);
  };

// Either a combined single limit or the three split limits (CONTRACT.md); the minimum for the
// vehicle's kind is the vehicles service's rule (422 naming the limit).
export class InsurancePolicyDto {
  @ApiProperty({ example: 'GEICO' }) @IsString() @IsNotEmpty() @MaxLength(200) insurer!: string;
  @ApiProperty({ example: 'POL-123456' }) @IsString() @IsNotEmpty() @MaxLength(100) policyNumber!: string;
  @IsoDayProperty('first day of cover') effectiveDate!: string;
  @IsoDayProperty('last day of cover') expirationDate!: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'combined single limit' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  combinedSingleLimit?: MoneyDto;

  @MoneyProperty('bodily injury per person (split limits)', splitLimits) bodilyInjuryPerPerson?: MoneyDto;
  @MoneyProperty('bodily injury per accident (split limits)', splitLimits) bodilyInjuryPerAccident?: MoneyDto;
  @MoneyProperty('property damage (split limits)', splitLimits) propertyDamage?: MoneyDto;

  @ApiPropertyOptional({ enum: PROOF_TYPES, description: `optional; ${PROOF_TYPE_DESCRIPTION}` })
  @IsOptional()
  @IsIn(PROOF_TYPES)
  proofType?: string;
}

export class ListVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() missionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerMemberId?: string;
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES, description: 'registration status' })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: string;
}

export class RegistrationView {
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expiresOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) registeredOn!: string | null;
}

export class VehicleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) ownerMemberId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) ownerMissionId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'the mission the vehicle belongs to' }) missionId!: string;
  @ApiProperty() vin!: string;
  @ApiProperty() make!: string;
  @ApiProperty() model!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: VEHICLE_KINDS }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) plate!: string | null;
  @ApiProperty({ type: RegistrationView }) registration!: RegistrationView;
  @ApiProperty({ enum: INSURANCE_STATUSES }) insuranceStatus!: string;
  @ApiProperty({ description: 'optimistic concurrency version (also the ETag)' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class VehiclePage {
  @ApiProperty({ type: [VehicleView] }) items!: VehicleView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class InsurancePolicyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) vehicleId!: string;
  @ApiProperty() insurer!: string;
  @ApiProperty() policyNumber!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'date' }) expirationDate!: string;
  @ApiProperty({ type: MoneyDto, nullable: true }) combinedSingleLimit!: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) bodilyInjuryPerPerson!: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) bodilyInjuryPerAccident!: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, nullable: true }) propertyDamage!: MoneyDto | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: PROOF_TYPES,
    description: `${PROOF_TYPE_DESCRIPTION}; null when not stated`,
  })
  proofType!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

// POST …/insurance answers the policy and the vehicle as it now stands (its registration may have
// become active).
export class InsurancePolicyRecordedView extends InsurancePolicyView {
  @ApiProperty({ type: VehicleView }) vehicle!: VehicleView;
}

export class InsurancePolicyPage {
  @ApiProperty({ type: [InsurancePolicyView] }) items!: InsurancePolicyView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
