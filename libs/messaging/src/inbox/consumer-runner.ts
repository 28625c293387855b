import { deadLetterTopic, eventTypeSpec, type EventTypeSpec } from '@ofm/contracts';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isTransientInfrastructureError } from '@ofm/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { BatchContext, MessageBus, ReceivedMessage, Subscription } from '../bus/message-bus.port';
import { decodeEnvelope, decodeEvent, type CloudEvent } from '../codec/cloud-event.codec';
import { deadLetterMessage } from '../dead-letter/dead-letter';
import { defaultMessagingLogger, errorMessage, type MessagingLogger } from '../logging/messaging-logger';
import { consumerEventsTotal, consumerLag } from '../metrics/messaging.metrics';
import { backoffDelay } from '../retry/backoff';
import { contextFromTraceHeaders } from '../tracing/trace-context';

// `any` so a handler may declare the payload it expects (CloudEvent<MemberAccredited>): the runner decodes
// with the registry spec of the type the handler is registered under.
export type EventHandler<T = any> = (event: CloudEvent<T>, em: EntityManager) => Promise<void>;
export type EventHandlers = Record<string, EventHandler>;

/** `{ [spec.type]: handler }` with the handler typed by the registry entry. */
export const onEvent = <T>(spec: EventTypeSpec<T>, handler: EventHandler<T>): EventHandlers => ({
  [spec.type]: handler,
});

export interface RetryOptions {
  /** Attempts before the message goes to the dead-letter topic. Default 5. */
  attempts?: number;
  /** Default 100 ms, doubling… */
  initialDelayMs?: number;
  /** …up to 2000 ms. */
  maxDelayMs?: number;
}

export interface ConsumerRunnerOptions {
  /** Exactly `ofm.<service>`. */
  groupId: string;
  topics: string[];
  dataSource: DataSource;
  bus: MessageBus;
  /** By CloudEvents type. Types without a handler are acknowledged and skipped. */
  handlers: EventHandlers;
  retry?: RetryOptions;
  /** A new group starts at the earliest retained message. Default true. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  commitIntervalMs?: number;
  commitThreshold?: number;
  partitionsConsumedConcurrently?: number;
  /**
   * Messages whose effects share one database transaction (one commit) when they all succeed.
   * Default 100; 1 means a transaction per message.
   */
  chunkSize?: number;
  logger?: MessagingLogger;
}

export type MessageOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead-lettered';

interface PreparedMessage {
  event: CloudEvent;
  handler: EventHandler;
}

const tracer = trace.getTracer('@ofm/messaging');

const INBOX_COLUMNS = 6;
const inboxInsert = (rows: number): string => `
  INSERT INTO inbox_event (consumer_group, event_id, type, topic, partition, "offset")
  VALUES ${Array.from({ length: rows }, (_, r) => `(${Array.from({ length: INBOX_COLUMNS }, (_, c) => `$${r * INBOX_COLUMNS + c + 1}`).join(', ')})`).join(', ')}
  ON CONFLICT DO NOTHING
  RETURNING event_id`;

/**
 * Our consumer loop (not Nest's): decode, then in ONE database transaction record each event id in
 * inbox_event and run its handler; only after the commit are the offsets resolved and committed.
 * Messages of a batch share a transaction in chunks; when anything in a chunk fails, the chunk is rolled
 * back and replayed one message at a time, where failing handlers are retried with backoff, then
 * dead-lettered, and the partition goes on.
 */
export class ConsumerRunner {
  private subscription?: Subscription;
  private readonly retry: Required<RetryOptions>;
  private readonly logger: MessagingLogger;
  private readonly chunkSize: number;

  constructor(private readonly options: ConsumerRunnerOptions) {
    for (const type of Object.keys(options.handlers)) {
      if (!eventTypeSpec(type))
        throw new Error(`ConsumerRunner ${options.groupId}: handler for ${type}, which is not in EVENT_TYPES`);
    }
    if (options.topics.length === 0) throw new Error(`ConsumerRunner ${options.groupId}: no topics`);
    this.retry = {
      attempts: options.retry?.attempts ?? 5,
      initialDelayMs: options.retry?.initialDelayMs ?? 100,
      maxDelayMs: options.retry?.maxDelayMs ?? 2000,
    };
    this.logger = options.logger ?? defaultMessagingLogger;
    this.chunkSize = Math.max(1, options.chunkSize ?? 100);
  }

  get groupId(): string {
    return this.options.groupId;
  }

  get topics(): readonly string[] {
    return this.options.topics;
  }

  /** Resolves once the member has joined the group. */
  get ready(): Promise<void> {
    if (!this.subscription) return Promise.reject(new Error(`consumer ${this.groupId} is not started`));
    return this.subscription.ready;
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const o = this.options;
    this.subscription = await o.bus.subscribe({
      groupId: o.groupId,
      topics: o.topics,
      handler: (messages, ctx) => this.onBatch(messages, ctx),
      fromBeginning: o.fromBeginning ?? true,
      ...(o.sessionTimeoutMs ? { sessionTimeoutMs: o.sessionTimeoutMs } : {}),
      ...(o.heartbeatIntervalMs ? { heartbeatIntervalMs: o.heartbeatIntervalMs } : {}),
      ...(o.commitIntervalMs ? { commitIntervalMs: o.commitIntervalMs } : {}),
      ...(o.commitThreshold ? { commitThreshold: o.commitThreshold } : {}),
      ...(o.partitionsConsumedConcurrently ? { partitionsConsumedConcurrently: o.partitionsConsumedConcurrently } : {}),
    });
  }

  async stop(): Promise<void> {
    const s = this.subscription;
    this.subscription = undefined;
    await s?.stop();
  }

  async check(): Promise<void> {
    if (!this.subscription) throw new Error(`consumer ${this.groupId} is not running`);
    await this.subscription.check();
  }

  private async onBatch(messages: ReceivedMessage[], ctx: BatchContext): Promise<void> {
    for (let start = 0; start < messages.length; start += this.chunkSize) {
      if (!ctx.isRunning() || ctx.isStale()) break;
      const chunk = messages.slice(start, start + this.chunkSize);
      // Fast path: the chunk's effects and inbox rows in one transaction, one commit for all of them.
      const outcomes = await this.applyChunk(chunk);
      if (outcomes) {
        for (const [i, message] of chunk.entries()) this.settled(message, outcomes[i], ctx);
        await ctx.commit();
        await ctx.heartbeat();
        continue;
      }
      // Something in the chunk failed and everything was rolled back: go one message at a time, with
      // retries and dead letters, so one bad event costs only itself.
      for (const message of chunk) {
        if (!ctx.isRunning() || ctx.isStale()) break;
        const outcome = await this.handle(message, ctx);
        // Stopped half-way: leave it unresolved, the next member gets it again.
        if (outcome === undefined) break;
        this.settled(message, outcome, ctx);
        await ctx.commit();
        await ctx.heartbeat();
      }
    }
    await ctx.commit(true);
  }

  private settled(message: ReceivedMessage, outcome: MessageOutcome, ctx: BatchContext): void {
    ctx.resolveOffset(message.offset);
    consumerLag().set(
      { group: this.groupId, topic: ctx.topic, partition: String(ctx.partition) },
      Math.max(0, Number(BigInt(ctx.highWatermark) - BigInt(message.offset) - 1n)),
    );
    consumerEventsTotal().inc({ group: this.groupId, type: message.headers.ce_type ?? 'none', outcome });
  }

  // All-or-nothing: the outcome of each message, or undefined when one of them does not decode or its
  // handler throws (nothing is then committed, and the caller takes the slow path).
  private async applyChunk(chunk: ReceivedMessage[]): Promise<MessageOutcome[] | undefined> {
    let prepared: (PreparedMessage | undefined)[];
    try {
      prepared = chunk.map((message) => this.prepare(message));
    } catch {
      return undefined;
    }
    try {
      return await this.options.dataSource.transaction(async (em) => {
        // One INSERT records the whole chunk in the inbox (a round trip per event was half of a
        // consumer's statements: docs/operations/write-path.md); the handlers run for the new ones.
        const fresh = await this.recordInInbox(
          em,
          prepared.flatMap((p, i) => (p ? [{ event: p.event, message: chunk[i]! }] : [])),
        );
        const outcomes: MessageOutcome[] = [];
        for (const [i, p] of prepared.entries()) {
          if (!p) outcomes.push('skipped');
          // An event twice in one chunk (republished by a relay) is applied once: delete marks it done.
          else if (!fresh.delete(p.event.id)) outcomes.push('duplicate');
          else {
            await this.runHandler(em, p.event, chunk[i]!, p.handler);
            outcomes.push('processed');
          }
        }
        return outcomes;
      });
    } catch {
      return undefined;
    }
  }

  // undefined when the runner stopped before the message was settled.
  private async handle(message: ReceivedMessage, ctx: BatchContext): Promise<MessageOutcome | undefined> {
    let prepared: PreparedMessage | undefined;
    try {
      prepared = this.prepare(message);
    } catch (e) {
      // Retrying cannot fix a message that does not decode.
      return (await this.deadLetter(message, e, ctx)) ? 'dead-lettered' : undefined;
    }
    if (!prepared) return 'skipped';
    const { event, handler } = prepared;
    let attempt = 1;
    let outages = 0;
    for (;;) {
      if (!ctx.isRunning()) return undefined;
      try {
        return (await this.apply(event, message, handler)) ? 'processed' : 'duplicate';
      } catch (e) {
        if (isTransientInfrastructureError(e)) {
          // The database is away: not the event's fault, so wait for it without using up attempts.
          outages += 1;
          this.logger.warn(
            { groupId: this.groupId, eventId: event.id, err: errorMessage(e) },
            'consumer: database unavailable, retrying',
          );
          await this.pause(backoffDelay(outages, 200, 5000), ctx);
          continue;
        }
        if (attempt >= this.retry.attempts) {
          this.logger.error(
            { groupId: this.groupId, eventId: event.id, type: event.type, attempts: attempt, err: errorMessage(e) },
            'consumer: handler keeps failing, dead-lettering the event',
          );
          return (await this.deadLetter(message, e, ctx)) ? 'dead-lettered' : undefined;
        }
        this.logger.warn(
          { groupId: this.groupId, eventId: event.id, attempt, err: errorMessage(e) },
          'consumer: handler failed, retrying',
        );
        await this.pause(backoffDelay(attempt, this.retry.initialDelayMs, this.retry.maxDelayMs), ctx);
        attempt += 1;
      }
    }
  }

  // The event and its handler; undefined when no handler wants the type (only the headers are read then).
  // Throws when the message does not decode.
  private prepare(message: ReceivedMessage): PreparedMessage | undefined {
    const handler = this.options.handlers[decodeEnvelope(message).type] as EventHandler | undefined;
    return handler ? { event: decodeEvent(message), handler } : undefined;
  }

  // True when the effect was applied now, false when this group had already applied the event.
  private apply(event: CloudEvent, message: ReceivedMessage, handler: EventHandler): Promise<boolean> {
    return this.options.dataSource.transaction((em) => this.applyIn(em, event, message, handler));
  }

  // Records the event in the inbox and runs its handler, in the caller's transaction.
  private async applyIn(
    em: EntityManager,
    event: CloudEvent,
    message: ReceivedMessage,
    handler: EventHandler,
  ): Promise<boolean> {
    const fresh = await this.recordInInbox(em, [{ event, message }]);
    if (fresh.size === 0) return false;
    await this.runHandler(em, event, message, handler);
    return true;
  }

  // Inserts the inbox rows of `entries` (ON CONFLICT DO NOTHING); answers the event ids that were new.
  private async recordInInbox(
    em: EntityManager,
    entries: readonly { event: CloudEvent; message: ReceivedMessage }[],
  ): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const values = entries.flatMap(({ event, message }) => [
      this.groupId,
      event.id,
      event.type,
      message.topic,
      message.partition,
      message.offset,
    ]);
    const inserted = (await em.query(inboxInsert(entries.length), values)) as { event_id: string }[];
    return new Set(inserted.map((r) => r.event_id));
  }

  // Runs the handler of an event recorded in the inbox, in the caller's transaction, in its trace.
  private async runHandler(
    em: EntityManager,
    event: CloudEvent,
    message: ReceivedMessage,
    handler: EventHandler,
  ): Promise<void> {
    const parent = contextFromTraceHeaders(event.traceparent, event.tracestate);
    await tracer.startActiveSpan(
      `process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': message.topic,
          'messaging.consumer.group.name': this.groupId,
          'messaging.message.id': event.id,
          'messaging.kafka.offset': Number(message.offset),
          'messaging.destination.partition.id': String(message.partition),
          'cloudevents.event_type': event.type,
          'cloudevents.event_subject': event.subject,
        },
      },
      parent,
      async (span) => {
        try {
          await handler(event, em);
        } catch (e) {
          span.recordException(e instanceof Error ? e : new Error(String(e)));
          span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(e) });
          throw e;
        } finally {
          span.end();
        }
      },
    );
  }

  // Publishes the original message with the error to <topic>.dlq; keeps trying while Kafka is away.
  // False when the runner stopped first.
  private async deadLetter(message: ReceivedMessage, error: unknown, ctx: BatchContext): Promise<boolean> {
    const dlq = deadLetterMessage(message, error, this.groupId);
    let failures = 0;
    while (ctx.isRunning()) {
      try {
        await this.options.bus.publish([{ topic: deadLetterTopic(message.topic), messages: [dlq] }]);
        this.logger.warn(
          {
            groupId: this.groupId,
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            err: errorMessage(error),
          },
          'consumer: message dead-lettered',
        );
        return true;
      } catch (e) {
        failures += 1;
        this.logger.error(
          { groupId: this.groupId, err: errorMessage(e), failures },
          'consumer: dead-letter publish failed, retrying',
        );
        await this.pause(backoffDelay(failures, 200, 5000), ctx);
      }
    }
    return false;
  }

  // Sleeps in slices, heartbeating, so a long backoff does not cost the group membership.
  private async pause(ms: number, ctx: BatchContext): Promise<void> {
    const until = Date.now() + ms;
    while (ctx.isRunning()) {
      const left = until - Date.now();
      if (left <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, 500)));
      await ctx.heartbeat();
    }
  }
}
