import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// A calendar day written YYYY-MM-DD (2025-02-30 is refused, unlike a bare regex would).
export const isIsoDay = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
};

export const IsIsoDay =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 date (YYYY-MM-DD)', ...options },
      validator: { validate: isIsoDay },
    });

// A required or optional ISO day, documented in OpenAPI.
export const IsoDayProperty = (description: string, required = true): PropertyDecorator =>
  required
    ? applyDecorators(ApiProperty({ description, format: 'date', example: '2025-09-01' }), IsIsoDay())
    : applyDecorators(
        ApiPropertyOptional({ description, format: 'date', example: '2025-09-01' }),
        IsOptional(),
        IsIsoDay(),
      );

export const COUNTRY_CODE = /^[A-Z]{2}$/;

export const IsCountryCode = (): PropertyDecorator =>
  Matches(COUNTRY_CODE, { message: '$property must be an ISO 3166-1 alpha-2 code such as "FR"' });

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
