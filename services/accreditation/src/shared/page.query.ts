import { createdAtPosition, pageOf as kernelPageOf, readPage, type CreatedAtPosition } from '@ofm/kernel';
import { ruleViolated } from '@ofm/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

// This service's lists page by keyset on (created_at, id) — stable under inserts, unlike OFFSET —
// with @ofm/kernel's one cursor. Rows are written with the service's own timestamps (milliseconds),
// so a cursor's createdAt is the stored one exactly.

export interface PageParams {
  limit: number;
  after?: CreatedAtPosition;
}

/**
 * Reads `{limit, cursor}` of a PageRequest, whose range the proto declares: an absent page or a 0
 * limit means the default (50). A cursor this list did not give is refused, naming `cursor` as REST
 * does.
 */
export const parsePage = (page: { limit?: number; cursor?: string } | null | undefined): PageParams => {
  const read = readPage(page, 'created-at');
  if (!read.ok)
    throw ruleViolated('page-cursor', 'The cursor is not one this list returned', [
      { field: 'cursor', message: 'cursor is not a cursor returned by this list' },
    ]);
  return read.after ? { limit: read.limit, after: read.after } : { limit: read.limit };
};

// Applies keyset pagination in (created_at, id) order and fetches one row more than asked, which
// tells pageOf whether a next page exists.
export const paginate = <T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  page: PageParams,
): SelectQueryBuilder<T> => {
  if (page.after) {
    qb.andWhere(`(${alias}.created_at, ${alias}.id) > (:afterAt, :afterId)`, {
      afterAt: page.after.createdAt,
      afterId: page.after.id,
    });
  }
  return qb
    .orderBy(`${alias}.created_at`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(page.limit + 1);
};

/** The page answer from `limit + 1` fetched rows, its next cursor after the last row shown. */
export const pageOf = <T extends { createdAt: Date; id: string }>(rows: T[], limit: number) =>
  kernelPageOf(rows, limit, createdAtPosition);
