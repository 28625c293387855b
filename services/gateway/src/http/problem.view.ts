import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ example: 'country' }) field!: string;
  @ApiProperty({ example: 'country must be an ISO 3166-1 alpha-2 code such as "FR"' }) message!: string;
}

// RFC 9457 application/problem+json, as every error of the API is answered.
export class ProblemView {
  @ApiProperty({ example: 'https://ofm.state.gov/problems/validation' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request is not valid: country' }) detail!: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'one entry per bad field or failed criterion' })
  errors?: FieldErrorView[];
  @ApiPropertyOptional({ description: 'the broken rule (422)', example: 'diplomatic-agent-criteria' }) rule?: string;
}
