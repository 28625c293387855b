import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { insuranceFeeds } from '@ofm/contracts';
import { inTransaction } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation, selectRows } from '../shared/sql';
import { InsuranceFeedProcessor } from './insurance-feed.processor';

// At most this many refused rows are answered with a feed (rowsRefused counts them all): the answer
// stays far below gRPC's 4 MiB message limit whatever the feed.
export const MAX_ANSWERED_ERRORS = 1000;

interface FeedRow {
  id: string;
  status: 'receiving' | 'pending' | 'running' | 'done';
  content_sha256: string;
  bytes: string;
  rows_applied: number;
  rows_refused: number;
}

// A feed's upload: opened, appended to chunk by chunk (stored as they come: neither the gateway nor
// this service holds the file whole), committed. The commit is the idempotency point: the SHA-256
// of the content names the feed, so the same file sent again answers the first feed and applies
// nothing (its chunks are dropped).
@Injectable()
export class InsuranceFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: InsuranceFeedProcessor,
  ) {}

  async begin(actor: Actor): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(`INSERT INTO insurance_feed (id, status, submitted_by) VALUES ($1, 'receiving', $2)`, [
      id,
      actor.subject,
    ]);
    return id;
  }

  async append(uploadId: string, seq: number, data: string): Promise<void> {
    const [row] = await selectRows<{ id: string }>(
      this.dataSource.manager,
      `WITH upload AS (SELECT id FROM insurance_feed WHERE id = $1 AND status = 'receiving')
       INSERT INTO insurance_feed_chunk (feed_id, seq, data) SELECT id, $2, $3 FROM upload
       ON CONFLICT (feed_id, seq) DO UPDATE SET data = EXCLUDED.data
       RETURNING feed_id AS id`,
      [uploadId, seq, Buffer.from(data, 'utf8')],
    );
    if (!row) throw notFound('insurance feed upload', uploadId);
  }

  async commit(uploadId: string, chunks: number): Promise<insuranceFeeds.CommitInsuranceFeedResponse> {
    try {
      const answer = await inTransaction(this.dataSource, (em) => this.commitIn(em, uploadId, chunks));
      if (!answer.duplicate) this.processor.kick();
      return answer;
    } catch (error) {
      // Two uploads of the same content committed at once: the second answers the first.
      if (!isUniqueViolation(error, 'insurance_feed_content_key')) throw error;
      return inTransaction(this.dataSource, (em) => this.commitIn(em, uploadId, chunks));
    }
  }

  private async commitIn(
    em: EntityManager,
    uploadId: string,
    chunks: number,
  ): Promise<insuranceFeeds.CommitInsuranceFeedResponse> {
    const [locked] = await selectRows<{ status: string }>(
      em,
      `SELECT status FROM insurance_feed WHERE id = $1 FOR UPDATE`,
      [uploadId],
    );
    if (locked?.status !== 'receiving') throw notFound('insurance feed upload', uploadId);
    // The hash is PostgreSQL's, over the chunks in order: the content never comes back to Node whole.
    const [upload] = await selectRows<{ count: number; last: number | null; bytes: string; sha: string }>(
      em,
      `SELECT count(*)::int AS count, max(seq) AS last, coalesce(sum(length(data)), 0) AS bytes,
              encode(sha256(coalesce(string_agg(data, ''::bytea ORDER BY seq), ''::bytea)), 'hex') AS sha
         FROM insurance_feed_chunk WHERE feed_id = $1`,
      [uploadId],
    );
    if (!upload) throw notFound('insurance feed upload', uploadId);
    if (upload.count !== chunks || upload.last !== chunks - 1) {
      throw ruleViolated('insurance-feed-incomplete', `the upload has ${upload.count} of its ${chunks} chunks`, [
        { field: 'chunks', message: `must be the number of chunks appended (${upload.count})` },
      ]);
    }
    const [earlier] = await selectRows<{ id: string }>(em, `SELECT id FROM insurance_feed WHERE content_sha256 = $1`, [
      upload.sha,
    ]);
    if (earlier) {
      await em.query(`DELETE FROM insurance_feed WHERE id = $1`, [uploadId]);
      return { feed: await this.feedIn(em, earlier.id), duplicate: true };
    }
    await em.query(
      `UPDATE insurance_feed SET status = 'pending', content_sha256 = $2, bytes = $3, updated_at = now() WHERE id = $1`,
      [uploadId, upload.sha, upload.bytes],
    );
    return { feed: await this.feedIn(em, uploadId), duplicate: false };
  }

  get(id: string): Promise<insuranceFeeds.InsuranceFeed> {
    return this.feedIn(this.dataSource.manager, id);
  }

  private async feedIn(em: EntityManager, id: string): Promise<insuranceFeeds.InsuranceFeed> {
    const [feed] = await selectRows<FeedRow>(
      em,
      `SELECT id, status, content_sha256, bytes, rows_applied, rows_refused FROM insurance_feed
        WHERE id = $1 AND status <> 'receiving'`,
      [id],
    );
    if (!feed) throw notFound('insurance feed', id);
    const errors = await selectRows<insuranceFeeds.InsuranceFeedError>(
      em,
      `SELECT line, field, message FROM insurance_feed_error WHERE feed_id = $1 ORDER BY line, ordinal LIMIT $2`,
      [id, MAX_ANSWERED_ERRORS],
    );
    return {
      id: feed.id,
      status: feed.status,
      rowsApplied: feed.rows_applied,
      rowsRefused: feed.rows_refused,
      errors,
      contentSha256: feed.content_sha256,
      bytes: Number(feed.bytes),
    };
  }
}
