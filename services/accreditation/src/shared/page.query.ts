import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PageParams } from './pagination.util';

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
