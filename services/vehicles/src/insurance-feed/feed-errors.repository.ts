import type { EntityManager } from 'typeorm';
import type { FeedError } from './feed-row.rules';

// A feed's refused rows, numbered within their line (a row may break several rules), in one statement.
export const recordFeedErrors = async (
  em: EntityManager,
  feedId: string,
  errors: readonly FeedError[],
): Promise<void> => {
  if (errors.length === 0) return;
  const ordinal = new Map<number, number>();
  const ordinals = errors.map((e) => {
    const n = (ordinal.get(e.line) ?? 0) + 1;
    ordinal.set(e.line, n);
    return n;
  });
  await em.query(
    `INSERT INTO insurance_feed_error (feed_id, line, ordinal, field, message)
     SELECT $1, u.* FROM unnest($2::int[], $3::smallint[], $4::text[], $5::text[]) AS u
     ON CONFLICT DO NOTHING`,
    [feedId, errors.map((e) => e.line), ordinals, errors.map((e) => e.field), errors.map((e) => e.message)],
  );
};
