import {
  ConfigResourceTypes,
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type Consumer,
  type KafkaConfig,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type {
  MessageBus,
  OutgoingBatch,
  PartitionLag,
  ReadTopicOptions,
  ReceivedMessage,
  SubscribeOptions,
  Subscription,
  TopicPartitionOffset,
  TopicSpec,
} from '../bus/message-bus.port';
import { defaultMessagingLogger, errorMessage, type MessagingLogger } from '../logging/messaging-logger';
import { receivedFromKafka } from './kafka-message.mapper';
import { KafkaSubscription } from './kafka-subscription';

export interface KafkaMessageBusOptions {
  brokers: string[];
  /** Shows in broker logs and quotas, e.g. `ofm-accreditation`. */
  clientId: string;
  logger?: MessagingLogger;
  /** Anything else for the kafkajs client (ssl, sasl, retry…). */
  kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /** How long health() waits for the cluster to answer. Default 2000 ms. */
  healthTimeoutMs?: number;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

// kafkajs logs through our logger; its INFO lines (joins, commits) are debug noise for us.
const logCreator =
  (logger: MessagingLogger) =>
  () =>
  ({ level, log }: LogEntry): void => {
    const { message, ...extra } = log;
    const entry = { kafkajs: true, ...extra };
    if (level === logLevel.ERROR) logger.error(entry, message);
    else if (level === logLevel.WARN) logger.warn(entry, message);
    else logger.debug(entry, message);
  };

/** The kafkajs driver of MessageBus. The only place kafkajs is imported. */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly subscriptions = new Set<KafkaSubscription>();

  constructor(private readonly options: KafkaMessageBusOptions) {
    this.logger = options.logger ?? defaultMessagingLogger;
    this.kafka = new Kafka({
      connectionTimeout: 3000,
      ...options.kafka,
      brokers: options.brokers,
      clientId: options.clientId,
      logLevel: logLevel.WARN,
      logCreator: logCreator(this.logger),
    });
  }

  async publish(batches: OutgoingBatch[]): Promise<void> {
    const topicMessages = batches
      .filter((b) => b.messages.length > 0)
      .map((b) => ({
        topic: b.topic,
        messages: b.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      }));
    if (topicMessages.length === 0) return;
    const producer = await this.getProducer();
    // Each message already carries the traceparent of the command that wrote it (captured in the
    // outbox). The kafkajs instrumentation would overwrite it with the relay's own context, so the
    // send runs with tracing suppressed: consumers continue the original trace, not the relay's.
    await context.with(suppressTracing(context.active()), () => producer.sendBatch({ acks: -1, topicMessages }));
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscription = new KafkaSubscription(this.kafka, options, this.logger, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    try {
      await subscription.start();
    } catch (e) {
      await subscription.stop();
      throw e;
    }
    return subscription;
  }

  async ensureTopics(topics: TopicSpec[]): Promise<string[]> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter(
      (t, i) => !existing.has(t.topic) && topics.findIndex((u) => u.topic === t.topic) === i,
    );
    if (missing.length === 0) return [];
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    } catch (e) {
      // Another process created some of them in between: fine, as long as they all exist now.
      const now = new Set(await admin.listTopics());
      const stillMissing = missing.filter((t) => !now.has(t.topic));
      if (stillMissing.length > 0) throw e;
    }
    return missing.map((t) => t.topic);
  }

  async topicRetentionMs(topics: string[]): Promise<Record<string, number>> {
    if (topics.length === 0) return {};
    const admin = await this.getAdmin();
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [...new Set(topics)].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms'],
      })),
    });
    const retention: Record<string, number> = {};
    for (const resource of described.resources) {
      const entry = resource.configEntries.find((e) => e.configName === 'retention.ms');
      if (entry) retention[resource.resourceName] = Number(entry.configValue);
    }
    return retention;
  }

  async lag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const admin = await this.getAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics });
    const out: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const from = BigInt(offset) >= 0n ? BigInt(offset) : BigInt(end.low);
        out.push({
          topic,
          partition: end.partition,
          committedOffset: offset,
          highWatermark: end.high,
          lag: Number(BigInt(end.high) - from),
        });
      }
    }
    return out;
  }

  async readTopic(topic: string, options: ReadTopicOptions): Promise<ReceivedMessage[]> {
    const admin = await this.getAdmin();
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: options.groupId, topics: [topic] });
    // Each partition is read from where the group stands up to its end as it is now.
    const remaining = new Map<number, bigint>();
    for (const end of ends) {
      const c = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const start = BigInt(c) >= 0n ? BigInt(c) : BigInt(end.low);
      if (start < BigInt(end.high)) remaining.set(end.partition, BigInt(end.high));
    }
    if (remaining.size === 0 || options.limit <= 0) return [];

    const out: ReceivedMessage[] = [];
    const consumer: Consumer = this.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.timeoutMs ?? 30_000);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        consumer
          .run({
            autoCommit: false,
            eachBatchAutoResolve: false,
            eachBatch: async ({ batch }) => {
              const end = remaining.get(batch.partition);
              if (end === undefined) return;
              for (const m of batch.messages) {
                if (out.length >= options.limit || BigInt(m.offset) >= end) break;
                out.push(receivedFromKafka(batch.topic, batch.partition, m));
                if (BigInt(m.offset) + 1n >= end) remaining.delete(batch.partition);
              }
              if (out.length >= options.limit || remaining.size === 0) done();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return out;
  }

  async commitGroupOffsets(groupId: string, offsets: TopicPartitionOffset[]): Promise<void> {
    const admin = await this.getAdmin();
    const byTopic = new Map<string, { partition: number; offset: string }[]>();
    for (const o of offsets)
      byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), { partition: o.partition, offset: o.offset }]);
    for (const [topic, partitions] of byTopic) await admin.setOffsets({ groupId, topic, partitions });
  }

  async health(): Promise<void> {
    const ms = this.options.healthTimeoutMs ?? 2000;
    const admin = await withTimeout(this.getAdmin(), ms, 'Kafka');
    const cluster = await withTimeout(admin.describeCluster(), ms, 'Kafka');
    if (cluster.brokers.length === 0) throw new Error('Kafka: no broker in the cluster metadata');
  }

  async disconnect(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    const producer = this.producer;
    const admin = this.admin;
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  // Connected lazily and once; a failed connect is forgotten so the next call tries again.
  private getProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      const connecting = producer.connect().then(() => producer);
      this.producer = connecting;
      connecting.catch((e: unknown) => {
        if (this.producer === connecting) this.producer = undefined;
        this.logger.warn({ err: errorMessage(e) }, 'kafka: producer connect failed');
      });
    }
    return this.producer;
  }

  private getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      const connecting = admin.connect().then(() => admin);
      this.admin = connecting;
      connecting.catch(() => {
        if (this.admin === connecting) this.admin = undefined;
      });
    }
    return this.admin;
  }
}
