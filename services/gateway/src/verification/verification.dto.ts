import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { VERIFICATION_STATUSES } from './verification-status.rules';

export class VerifyQuery {
  @ApiPropertyOptional({ description: 'ID card number (give idCard or plate)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  idCard?: string;

  @ApiPropertyOptional({ description: 'diplomatic plate (give idCard or plate)', example: 'DFR1234' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  plate?: string;
}

// The booklet's words, as the accreditation service gives them (it decides immunity); the gateway
// passes them on unchanged.
export class GuidanceView {
  @ApiProperty({ example: 'May not be arrested or detained' }) arrest!: string;
  @ApiProperty({ example: 'Residence is inviolable: it may not be entered without consent' })
  residenceInviolable!: string;
  @ApiProperty({ example: 'May not be prosecuted' }) prosecution!: string;
  @ApiProperty({ example: 'May be issued a traffic citation' }) ticket!: string;
}

export class VerifiedRegistrationView {
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expiresOn!: string | null;
}

export class VerificationView {
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the holder, or the owner of the vehicle' }) name!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'name of the mission' }) mission!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the mission's country (ISO alpha-2)" }) country!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['full', 'full-criminal', 'official-acts', 'none'],
    description: 'the level in force today: after termination the accredited level until immunityEndsOn, then none',
  })
  immunityLevel!: string | null;
  @ApiProperty({
    type: GuidanceView,
    nullable: true,
    description:
      "what an officer may do today, in the words of the law-enforcement booklet (from the accreditation service); null when the status is unknown. A mission-owned vehicle's plate answers guidance that sends the officer to the driver's ID card.",
  })
  guidance!: GuidanceView | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date',
    description: 'when immunity ends (terminated members)',
  })
  immunityEndsOn?: string | null;
  @ApiPropertyOptional({ description: 'plate verifications' }) plate?: string;
  @ApiPropertyOptional({ type: VerifiedRegistrationView, description: 'plate verifications' })
  registration?: VerifiedRegistrationView;
  @ApiPropertyOptional({ enum: ['insured', 'uninsured', 'lapsed'], description: 'plate verifications' })
  insuranceStatus?: string;
  @ApiPropertyOptional({
    enum: ['valid', 'expired', 'terminated', 'unknown'],
    description: "plate verifications of a member's vehicle: the owner's own status (status is the registration's)",
  })
  ownerStatus?: string;
  @ApiPropertyOptional({ description: 'for example, why guidance is missing' }) note?: string;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
}
