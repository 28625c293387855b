import { Client, type ClientConfig } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { MessageBus, OutgoingBatch, WireMessage } from '../bus/message-bus.port';
import { encodeEnvelope } from '../codec/cloud-event.codec';
import { defaultMessagingLogger, errorMessage, type MessagingLogger } from '../logging/messaging-logger';
import { outboxPending, outboxPublishDuration, outboxPublishedTotal } from '../metrics/messaging.metrics';
import { backoffDelay } from '../retry/backoff';
import { OUTBOX_CHANNEL } from './publish-event';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  bus: MessageBus;
  /** Rows claimed and published per transaction. Default 500. */
  batchSize?: number;
  /** Polling fallback when no NOTIFY arrives (lost connection, missed wake). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Wake on NOTIFY through a dedicated pg connection. Default true. */
  listen?: boolean;
  /** Connection of the LISTEN client; defaults to the DataSource's own settings. */
  listenConnection?: ClientConfig;
  /**
   * Only one relay of a database publishes at a time (transaction-scoped advisory lock), so events of one
   * aggregate reach Kafka in order even with several replicas; the others stand by. Default true.
   */
  exclusive?: boolean;
  /** Backoff after a failed batch. Default 100 ms doubling up to 5 s. */
  retryInitialDelayMs?: number;
  retryMaxDelayMs?: number;
  logger?: MessagingLogger;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  source: string;
  subject: string;
  time: Date;
  payload: unknown;
  traceparent: string | null;
  tracestate: string | null;
}

// Arbitrary constant shared by every relay on a database: the key of the "one publisher at a time" lock.
const RELAY_LOCK_KEY = 7_357_001;
const PENDING_REFRESH_MS = 5000;

const CLAIM = `
  SELECT seq, id, topic, key, type, source, subject, time, payload, traceparent, tracestate
  FROM outbox_event
  WHERE published_at IS NULL
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED`;

const toMessage = (row: OutboxRow): WireMessage =>
  encodeEnvelope(
    {
      id: row.id,
      type: row.type,
      source: row.source,
      subject: row.subject,
      time: row.time.toISOString(),
      ...(row.traceparent ? { traceparent: row.traceparent } : {}),
      ...(row.tracestate ? { tracestate: row.tracestate } : {}),
    },
    row.payload,
  );

// Keeps the seq order within each topic; the producer keeps it within each partition.
const byTopic = (rows: OutboxRow[]): OutgoingBatch[] => {
  const batches = new Map<string, WireMessage[]>();
  for (const row of rows) {
    const list = batches.get(row.topic) ?? [];
    list.push(toMessage(row));
    batches.set(row.topic, list);
  }
  return [...batches].map(([topic, messages]) => ({ topic, messages }));
};

/**
 * Moves outbox rows to the bus: claims unpublished rows in seq order (FOR UPDATE SKIP LOCKED), publishes
 * them with the idempotent producer, stamps published_at, commits. A crash between publish and commit
 * republishes the batch (at least once); consumers' inboxes make the effects exactly once.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly exclusive: boolean;
  private readonly logger: MessagingLogger;
  private running = false;
  private loop?: Promise<void>;
  private listenerLoop?: Promise<void>;
  private listenClient?: Client;
  private woken = false;
  private wakeUp?: () => void;
  private nextPendingAt = 0;
  private lastError?: string;
  private stopped: Promise<void> = Promise.resolve();
  private signalStopped?: () => void;
  private publishedCount = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.exclusive = options.exclusive ?? true;
    this.logger = options.logger ?? defaultMessagingLogger;
  }

  /** Events this relay has published since it started. */
  get published(): number {
    return this.publishedCount;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = new Promise<void>((resolve) => (this.signalStopped = resolve));
    if (this.options.listen ?? true) this.listenerLoop = this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.signalStopped?.();
    this.wake();
    await this.listenClient?.end().catch(() => undefined);
    await Promise.all([this.loop, this.listenerLoop]);
  }

  /** Rejects while publishing fails (for readiness). */
  async check(): Promise<void> {
    if (!this.running) throw new Error('outbox relay is not running');
    if (this.lastError) throw new Error(`outbox relay: ${this.lastError}`);
  }

  /** Wakes the relay now (NOTIFY does this at each commit of publishEvent). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many rows it published (0 when none or another relay holds the lock). */
  async relayOnce(): Promise<number> {
    const qr = this.options.dataSource.createQueryRunner();
    let claimed: OutboxRow[] = [];
    try {
      await qr.connect();
      await qr.startTransaction();
      if (this.exclusive) {
        const [lock] = (await qr.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY])) as {
          locked: boolean;
        }[];
        if (!lock?.locked) {
          await qr.rollbackTransaction();
          return 0;
        }
      }
      claimed = (await qr.query(CLAIM, [this.batchSize])) as OutboxRow[];
      if (claimed.length === 0) {
        await qr.commitTransaction();
        return 0;
      }
      const stopTimer = outboxPublishDuration().startTimer();
      await this.options.bus.publish(byTopic(claimed));
      stopTimer();
      await qr.query(
        'UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1::bigint[])',
        [claimed.map((r) => r.seq)],
      );
      await qr.commitTransaction();
      const counter = outboxPublishedTotal();
      for (const row of claimed) counter.inc({ topic: row.topic });
      this.publishedCount += claimed.length;
      return claimed.length;
    } catch (e) {
      await this.rollback(qr);
      if (claimed.length > 0) await this.recordFailure(claimed, e);
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** Rows not yet published (also sets ofm_outbox_pending). */
  async pending(): Promise<number> {
    const [row] = (await this.options.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
    )) as { n: number }[];
    const n = row?.n ?? 0;
    outboxPending().set(n);
    return n;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayOnce();
        failures = 0;
        this.lastError = undefined;
      } catch (e) {
        failures += 1;
        this.lastError = errorMessage(e);
        this.logger.warn({ err: this.lastError, failures }, 'outbox relay: batch failed, will retry');
        await this.waitForWake(
          backoffDelay(failures, this.options.retryInitialDelayMs ?? 100, this.options.retryMaxDelayMs ?? 5000),
          true,
        );
        continue;
      }
      await this.housekeeping();
      // A full batch means more rows are probably waiting: go on without waiting.
      if (published < this.batchSize) await this.waitForWake(this.pollIntervalMs);
    }
  }

  // Published rows are deleted by the retention job of MessagingModule (retention/), not here.
  private async housekeeping(): Promise<void> {
    const now = Date.now();
    if (now < this.nextPendingAt) return;
    this.nextPendingAt = now + PENDING_REFRESH_MS;
    try {
      await this.pending();
    } catch (e) {
      this.logger.warn({ err: errorMessage(e) }, 'outbox relay: counting pending events failed');
    }
  }

  // Resolves on wake(), after `ms`, or at stop. A wake that arrived while publishing is not lost.
  // After a failure (`ignoreWake`) only the delay or stop ends the wait, so errors do not spin.
  private async waitForWake(ms: number, ignoreWake = false): Promise<void> {
    if (!this.running) return;
    if (this.woken && !ignoreWake) {
      this.woken = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = ignoreWake ? () => (this.running ? undefined : finish()) : finish;
    });
    if (!ignoreWake) this.woken = false;
  }

  private async sleepUnlessStopped(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.stopped]);
    clearTimeout(timer);
  }

  // A dedicated connection LISTENing for publishEvent's NOTIFY; reconnects when it drops.
  private async listen(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const client = new Client({ ...this.listenConfig(), keepAlive: true });
      this.listenClient = client;
      try {
        await new Promise<void>((resolve, reject) => {
          client.on('notification', () => this.wake());
          client.on('error', reject);
          client.on('end', () => resolve());
          client
            .connect()
            .then(() => client.query(`LISTEN ${OUTBOX_CHANNEL}`))
            .then(() => {
              if (!this.running) return void client.end();
              failures = 0;
              // Whatever was committed while we were not listening is picked up now.
              this.wake();
            })
            .catch(reject);
        });
      } catch (e) {
        failures += 1;
        if (this.running)
          this.logger.warn({ err: errorMessage(e), failures }, 'outbox relay: LISTEN connection lost, reconnecting');
      } finally {
        await client.end().catch(() => undefined);
      }
      if (this.running) await this.sleepUnlessStopped(backoffDelay(Math.max(failures, 1), 200, 5000));
    }
  }

  private listenConfig(): ClientConfig {
    if (this.options.listenConnection) return this.options.listenConnection;
    const o = this.options.dataSource.options as {
      url?: string;
      host?: string;
      port?: number;
      username?: string;
      password?: string;
      database?: string;
      ssl?: ClientConfig['ssl'];
      applicationName?: string;
    };
    return {
      ...(o.url ? { connectionString: o.url } : {}),
      ...(o.host ? { host: o.host } : {}),
      ...(o.port ? { port: o.port } : {}),
      ...(o.username ? { user: o.username } : {}),
      ...(typeof o.password === 'string' ? { password: o.password } : {}),
      ...(o.database ? { database: o.database } : {}),
      ...(o.ssl ? { ssl: o.ssl } : {}),
      application_name: `${o.applicationName ?? 'ofm'}-outbox-listen`,
    };
  }

  private async rollback(qr: QueryRunner): Promise<void> {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
  }

  // Outside the rolled-back transaction, so the count and the error stay for operators to see.
  private async recordFailure(rows: OutboxRow[], e: unknown): Promise<void> {
    await this.options.dataSource
      .query(
        'UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[]) AND published_at IS NULL',
        [rows.map((r) => r.seq), errorMessage(e).slice(0, 2000)],
      )
      .catch(() => undefined);
  }
}
