import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type BeginOutcome =
  | { kind: 'proceed' }
  | { kind: 'replay'; answer: StoredAnswer }
  // The key was first used for another request (other body, path or method).
  | { kind: 'reuse' }
  // The first request with this key has not finished yet.
  | { kind: 'in-flight' };

export interface IdempotencyClaim {
  subject: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

interface Row {
  request_hash: string;
  status: string;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: unknown;
  stale: boolean;
}

// One statement claims a key, new or expired: a row past the replay window is taken over in place
// (ON CONFLICT … DO UPDATE … WHERE expired) instead of a DELETE before the INSERT, which was one
// autocommit transaction more on every command (docs/operations/write-path.md). A live row is left
// as it is, locked only for the statement, and nothing is returned.
const CLAIM = `
  INSERT INTO idempotency_key (actor_subject, key, method, path, request_hash, status)
  VALUES ($1, $2, $3, $4, $5, 'in-flight')
  ON CONFLICT (actor_subject, key) DO UPDATE
    SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, status = 'in-flight',
        response_status = NULL, response_headers = NULL, response_body = NULL, created_at = now(), completed_at = NULL
    WHERE idempotency_key.created_at < now() - make_interval(hours => $6)
  RETURNING key`;

// Claims a key with an INSERT that only one concurrent request can win (primary key on subject + key);
// the loser reads the winner's row. Expired rows are forgotten, and an in-flight claim older than the
// gateway can possibly need (a crashed gateway) may be taken over.
@Injectable()
export class IdempotencyStore {
  private readonly ttlHours: number;
  private readonly inFlightSeconds: number;

  constructor(
    private readonly ds: DataSource,
    @Inject(GATEWAY_CONFIG) config: Pick<GatewayConfig, 'idempotency'>,
  ) {
    this.ttlHours = config.idempotency.ttlHours;
    this.inFlightSeconds = config.idempotency.inFlightSeconds;
  }

  async begin(c: IdempotencyClaim): Promise<BeginOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted: unknown[] = await this.ds.query(CLAIM, [
        c.subject,
        c.key,
        c.method,
        c.path,
        c.requestHash,
        this.ttlHours,
      ]);
      if (inserted.length === 1) return { kind: 'proceed' };
      const [row] = (await this.ds.query(
        `SELECT request_hash, status, response_status, response_headers, response_body,
                created_at < now() - make_interval(secs => $3) AS stale
         FROM idempotency_key WHERE actor_subject = $1 AND key = $2`,
        [c.subject, c.key, this.inFlightSeconds],
      )) as Row[];
      // Released by the first request between our INSERT and SELECT: try to claim it again.
      if (!row) continue;
      if (row.request_hash !== c.requestHash) return { kind: 'reuse' };
      if (row.status === 'completed') {
        return {
          kind: 'replay',
          answer: { status: row.response_status ?? 200, headers: row.response_headers ?? {}, body: row.response_body },
        };
      }
      if (!row.stale) return { kind: 'in-flight' };
      // TypeORM answers UPDATE with [rows, affected].
      const [taken] = (await this.ds.query(
        `UPDATE idempotency_key SET created_at = now()
         WHERE actor_subject = $1 AND key = $2 AND status = 'in-flight' AND created_at < now() - make_interval(secs => $3)
         RETURNING key`,
        [c.subject, c.key, this.inFlightSeconds],
      )) as [unknown[], number];
      if (taken.length === 1) return { kind: 'proceed' };
    }
    return { kind: 'in-flight' };
  }

  async complete(c: Pick<IdempotencyClaim, 'subject' | 'key'>, answer: StoredAnswer): Promise<void> {
    await this.ds.query(
      `UPDATE idempotency_key
       SET status = 'completed', response_status = $3, response_headers = $4, response_body = $5, completed_at = now()
       WHERE actor_subject = $1 AND key = $2`,
      [c.subject, c.key, answer.status, JSON.stringify(answer.headers), JSON.stringify(answer.body ?? null)],
    );
  }

  // A failed request is not pinned to its error: its key is freed for a retry. Service commands are
  // single transactions, so a refused or failed command had no effect; after a timeout (504) the
  // outcome is unknown, but the retry carries the same request id and the service answers it from
  // its command receipt instead of running the command again.
  async release(c: Pick<IdempotencyClaim, 'subject' | 'key'>): Promise<void> {
    await this.ds.query(`DELETE FROM idempotency_key WHERE actor_subject = $1 AND key = $2 AND status = 'in-flight'`, [
      c.subject,
      c.key,
    ]);
  }

  // Housekeeping: rows past the replay window.
  async purgeExpired(): Promise<number> {
    const [, count] = (await this.ds.query(
      `DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`,
      [this.ttlHours],
    )) as [unknown, number];
    return count ?? 0;
  }
}
