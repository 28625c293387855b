import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode } from '../http/validators';
import { PageQuery } from '../http/page.dto';

export const MISSION_TYPES = [
  'embassy',
  'consular-post',
  'honorary-consular-post',
  'un-mission',
  'un-observer-mission',
  'oas-mission',
  'international-organization',
  'foreign-government-office',
  'teco',
] as const;
export const CONSULAR_CLASSES = ['consulate-general', 'consulate', 'vice-consulate', 'consular-agency'] as const;
export const MISSION_STATUSES = ['active', 'suspended', 'closed'] as const;

export class AddressDto {
  @ApiProperty({ example: '4101 Reservoir Road NW' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  line1!: string;

  @ApiProperty({ example: 'Washington' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city!: string;

  @ApiProperty({ description: 'U.S. state, DC or territory code', example: 'DC' })
  @IsString()
  @Matches(/^[A-Za-z]{2}$/, { message: '$property must be a two-letter state code such as "DC"' })
  state!: string;

  @ApiProperty({ description: 'ZIP code', example: '20007' })
  @IsString()
  @Matches(/^\d{5}(-\d{4})?$/, { message: '$property must be a ZIP code (12345 or 12345-6789)' })
  postalCode!: string;
}

export class GeoPointDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 38.9137 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: -77.0779 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon!: number;
}

export class RegisterMissionDto {
  @ApiProperty({ example: 'Embassy of France' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FR' })
  @IsString()
  @IsCountryCode()
  country!: string;

  @ApiProperty({ enum: MISSION_TYPES })
  @IsIn(MISSION_TYPES)
  type!: string;

  @ApiPropertyOptional({ enum: CONSULAR_CLASSES, description: 'for consular posts only' })
  @IsOptional()
  @IsIn(CONSULAR_CLASSES)
  consularClass?: string;

  @ApiProperty({ type: AddressDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location!: GeoPointDto;

  @ApiPropertyOptional({
    description: 'where a consular post applies',
    example: 'District of Columbia, Maryland, Virginia',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  consularDistrict?: string;
}

export class ListMissionsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @IsString()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: MISSION_TYPES })
  @IsOptional()
  @IsIn(MISSION_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: MISSION_STATUSES })
  @IsOptional()
  @IsIn(MISSION_STATUSES)
  status?: string;
}

export class MissionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'FR' }) country!: string;
  @ApiProperty({ enum: MISSION_TYPES }) type!: string;
  @ApiProperty({ enum: CONSULAR_CLASSES, nullable: true, type: String }) consularClass!: string | null;
  @ApiProperty({ type: AddressDto, nullable: true }) address!: AddressDto | null;
  @ApiProperty({ type: GeoPointDto, nullable: true }) location!: GeoPointDto | null;
  @ApiProperty({ enum: MISSION_STATUSES }) status!: string;
  @ApiProperty({ example: 'Washington' }) regionalOffice!: string;
  @ApiProperty({ nullable: true, type: String }) consularDistrict!: string | null;
  @ApiProperty({ description: 'optimistic concurrency version (also the ETag)' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MissionPage {
  @ApiProperty({ type: [MissionView] }) items!: MissionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
