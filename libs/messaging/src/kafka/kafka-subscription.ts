import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { BatchContext, SubscribeOptions, Subscription } from '../bus/message-bus.port';
import { errorMessage, type MessagingLogger } from '../logging/messaging-logger';
import { receivedFromKafka } from './kafka-message.mapper';

const RESTART_DELAY_MS = 5000;

// One consumer group member running a BatchHandler: offsets are resolved and committed only by the
// handler (eachBatchAutoResolve and autoCommit off), so nothing is acknowledged before it is done.
export class KafkaSubscription implements Subscription {
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private consumer?: Consumer;
  private stopped = false;
  private failure?: string;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly logger: MessagingLogger,
    private readonly onStopped: () => void,
  ) {
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }

  get groupId(): string {
    return this.options.groupId;
  }

  async start(): Promise<void> {
    const o = this.options;
    const consumer = this.kafka.consumer({
      groupId: o.groupId,
      sessionTimeout: o.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: o.heartbeatIntervalMs ?? 3000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.failure = undefined;
      this.markReady();
    });
    consumer.on(consumer.events.CRASH, (event) => {
      const { error, restart } = event.payload;
      this.logger.error({ groupId: o.groupId, err: errorMessage(error), restart }, 'kafka: consumer crashed');
      // kafkajs restarts by itself after retriable errors only; after the others we start a new member.
      if (!restart && !this.stopped) {
        this.failure = errorMessage(error);
        this.restartTimer = setTimeout(() => void this.restart(), RESTART_DELAY_MS);
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: o.topics, fromBeginning: o.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      // Not auto-committed, but these make ctx.commit() (commitOffsetsIfNecessary) commit every so often.
      autoCommitInterval: o.commitIntervalMs ?? 1000,
      autoCommitThreshold: o.commitThreshold ?? 100,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: o.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  async check(): Promise<void> {
    if (this.stopped) throw new Error(`consumer ${this.groupId} is stopped`);
    if (this.failure) throw new Error(`consumer ${this.groupId} crashed: ${this.failure}`);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect().catch(() => undefined);
    this.onStopped();
  }

  private async restart(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.consumer?.disconnect().catch(() => undefined);
      await this.start();
    } catch (e) {
      this.failure = errorMessage(e);
      this.logger.error({ groupId: this.groupId, err: this.failure }, 'kafka: consumer restart failed');
      if (!this.stopped) this.restartTimer = setTimeout(() => void this.restart(), RESTART_DELAY_MS);
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const ctx: BatchContext = {
      topic: batch.topic,
      partition: batch.partition,
      highWatermark: batch.highWatermark,
      resolveOffset: (offset) => payload.resolveOffset(offset),
      commit: async (force) => {
        if (force) {
          const pending = payload.uncommittedOffsets();
          if (pending.topics.some((t) => t.partitions.length > 0)) await payload.commitOffsetsIfNecessary(pending);
        } else {
          await payload.commitOffsetsIfNecessary();
        }
      },
      heartbeat: () => payload.heartbeat(),
      isRunning: () => payload.isRunning() && !this.stopped,
      isStale: () => payload.isStale(),
    };
    const messages = batch.messages.map((m) => receivedFromKafka(batch.topic, batch.partition, m));
    await this.options.handler(messages, ctx);
  }
}
