import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

// ?limit=&cursor= of every list (CONTRACT.md: default 50, max 500).
export class PageQuery {
  @ApiPropertyOptional({
    description: `page size (default ${DEFAULT_LIMIT}, max ${MAX_LIMIT})`,
    minimum: 1,
    maximum: MAX_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageRequest = (q: PageQuery): { limit: number; cursor: string } => ({
  limit: q.limit ?? DEFAULT_LIMIT,
  cursor: q.cursor ?? '',
});

export const toPage = <S, T>(
  items: S[] | null | undefined,
  nextCursor: string | null | undefined,
  map: (s: S) => T,
): Page<T> => ({
  items: (items ?? []).map(map),
  nextCursor: nextCursor ? nextCursor : null,
});
