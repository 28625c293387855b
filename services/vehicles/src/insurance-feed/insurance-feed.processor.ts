import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CsvError } from 'csv-parse';
import { Clock } from '@ofm/kernel';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DomainError } from '@ofm/platform';
import { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { selectRows } from '../shared/sql';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { applyFeedBatch, type BatchContext } from './feed-batch';
import { parseFeedRow, readHeader, type FeedColumn, type FeedError, type ParsedRow } from './feed-row.rules';
import { recordFeedErrors } from './feed-errors.repository';
import { NumberedCsvParser, type NumberedRecord } from './numbered-csv.parser';

export const INSURANCE_FEED_JOB = 'vehicles.insurance-feeds';
// A batch that loses a race with a command on one of its vehicles (409) is tried again from scratch.
const BATCH_ATTEMPTS = 3;

interface FeedState {
  id: string;
  linesDone: number;
  submittedBy: string;
}

// Applies committed feeds, oldest first, one at a time per database (PeriodicJobs' advisory lock, so
// one replica works on feeds). The raw feed is read back chunk by chunk from the database and parsed
// as a stream (csv-parse, each record numbered with its line): memory holds one chunk and one batch, whatever the feed's size. Each
// batch commits with the feed's progress, so after a crash the next run skips the lines already
// done and carries on: nothing is applied twice, nothing half.
@Injectable()
export class InsuranceFeedProcessor implements OnModuleInit {
  private readonly logger = new Logger(InsuranceFeedProcessor.name);
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: INSURANCE_FEED_JOB,
      everyMs: this.config.INSURANCE_FEED_POLL_INTERVAL_MS,
      runAtStart: true,
      run: () => this.drain(),
    });
  }

  /** A feed was committed: work now rather than at the next poll (a run going on picks it up). */
  kick(): void {
    this.again = true;
    void this.jobs.run(INSURANCE_FEED_JOB);
  }

  /** Applies every unfinished feed; answers how many were finished. */
  async drain(): Promise<number> {
    let finished = 0;
    do {
      this.again = false;
      for (let feed = await this.nextFeed(); feed; feed = await this.nextFeed()) {
        await this.process(feed);
        finished++;
      }
    } while (this.again);
    return finished;
  }

  private async nextFeed(): Promise<FeedState | undefined> {
    const [feed] = await selectRows<FeedState>(
      this.dataSource.manager,
      `SELECT id, lines_done AS "linesDone", submitted_by AS "submittedBy" FROM insurance_feed
        WHERE status IN ('pending', 'running') ORDER BY created_at, id LIMIT 1`,
    );
    return feed;
  }

  private async *chunks(feedId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [chunk] = await selectRows<{ data: Buffer }>(
        this.dataSource.manager,
        `SELECT data FROM insurance_feed_chunk WHERE feed_id = $1 AND seq = $2`,
        [feedId, seq],
      );
      if (!chunk) return;
      yield chunk.data;
    }
  }

  private async process(feed: FeedState): Promise<void> {
    await this.dataSource.query(`UPDATE insurance_feed SET status = 'running', updated_at = now() WHERE id = $1`, [
      feed.id,
    ]);
    const started = Date.now();
    const parser = Readable.from(this.chunks(feed.id)).pipe(
      new NumberedCsvParser({ bom: true, relax_column_count: true, skip_empty_lines: true }),
    );
    let columns: Record<FeedColumn, number> | undefined;
    let batch: ParsedRow[] = [];
    let lastLine = 1;
    // One batch commits while the next is parsed and validated (the database works while Node parses),
    // never two at once: a batch starts only once the one before it committed, so progress still moves
    // batch by batch, in order.
    let committing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rows = batch;
      const upTo = lastLine;
      batch = [];
      await committing;
      if (rows.length === 0) return;
      committing = this.commitBatch(feed, rows, upTo);
      // Awaited by the next flush; until then a failure must not count as unhandled.
      committing.catch(() => undefined);
    };
    const flushAll = async () => {
      await flush();
      await committing;
    };
    const closing: FeedError[] = [];
    try {
      for await (const { record, line } of parser as AsyncIterable<NumberedRecord>) {
        if (!columns) {
          const header = readHeader(record);
          if (header.errors) {
            closing.push(...header.errors);
            parser.destroy();
            break;
          }
          columns = header.columns;
          continue;
        }
        lastLine = line;
        if (lastLine <= feed.linesDone) continue;
        batch.push(parseFeedRow(record, columns, lastLine));
        if (batch.length >= this.config.INSURANCE_FEED_BATCH_ROWS) await flush();
      }
      await flushAll();
      if (!columns && closing.length === 0) {
        closing.push({ line: 1, field: 'header', message: 'the feed is empty: a header row is required' });
      }
    } catch (error) {
      // The CSV itself is broken (an unclosed quote): what came before it stays applied; the rest of
      // the file cannot be read as rows and is refused with the line where the parser stopped.
      if (!isCsvError(error)) throw error;
      await flushAll();
      closing.push({ line: error.lines ?? lastLine + 1, field: 'row', message: `is not valid CSV: ${error.message}` });
    }
    await inTransaction(this.dataSource, async (em) => {
      await recordFeedErrors(em, feed.id, closing);
      await em.query(
        `UPDATE insurance_feed SET status = 'done', finished_at = now(), updated_at = now(),
                rows_refused = rows_refused + $2 WHERE id = $1`,
        [feed.id, closing.some((e) => e.line > 1) ? 1 : 0],
      );
    });
    this.logger.log({ msg: 'insurance feed applied', feedId: feed.id, ms: Date.now() - started });
  }

  private async commitBatch(feed: FeedState, rows: ParsedRow[], lastLine: number): Promise<void> {
    const ctx: BatchContext = {
      feedId: feed.id,
      actor: { subject: feed.submittedBy, roles: [] },
      today: this.clock.today(),
      now: this.clock.now(),
      graceDays: this.config.INSURANCE_LAPSE_GRACE_DAYS,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await inTransaction(this.dataSource, async (em) => {
          // The feed's row lock: progress moves only from what this batch started from.
          const [row] = await selectRows<{ lines_done: number }>(
            em,
            `SELECT lines_done FROM insurance_feed WHERE id = $1 FOR UPDATE`,
            [feed.id],
          );
          if (row?.lines_done !== feed.linesDone) {
            throw new Error(`insurance feed ${feed.id} moved on under this run (at line ${row?.lines_done})`);
          }
          const outcome = await applyFeedBatch(em, ctx, rows);
          await em.query(
            `UPDATE insurance_feed SET lines_done = $2, rows_applied = rows_applied + $3,
                    rows_refused = rows_refused + $4, updated_at = now() WHERE id = $1`,
            [feed.id, lastLine, outcome.applied, outcome.refused],
          );
        });
        feed.linesDone = lastLine;
        return;
      } catch (error) {
        const conflict = error instanceof DomainError && error.kind === 'conflict';
        if (!conflict || attempt >= BATCH_ATTEMPTS) throw error;
        this.logger.warn({ msg: 'insurance feed batch retried after a conflict', feedId: feed.id, attempt });
      }
    }
  }
}

const isCsvError = (error: unknown): error is CsvError & { lines?: number } =>
  error instanceof Error && String((error as Partial<CsvError>).code ?? '').startsWith('CSV_');
