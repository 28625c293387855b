// The port every service and every part of this lib talks to. Drivers (src/kafka/ today) implement it,
// so the Kafka client can be swapped without touching a service.

/** One message as it travels: key (aggregate id), raw value, string headers. */
export interface WireMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** A message as it was read back, with where it was read from. */
export interface ReceivedMessage extends WireMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit; kept as decimal strings. */
  offset: string;
  /** Broker timestamp, epoch milliseconds as a string. */
  timestamp: string;
}

/** Messages bound for one topic, sent in order. */
export interface OutgoingBatch {
  topic: string;
  messages: WireMessage[];
}

/** What a batch handler may do with the batch it was given (one topic-partition). */
export interface BatchContext {
  topic: string;
  partition: number;
  /** Offset of the next message the broker will write on this partition. */
  highWatermark: string;
  /** Marks a message as done; the next commit moves the group past it. */
  resolveOffset(offset: string): void;
  /** Commits resolved offsets: when the driver's interval/threshold says so, or now when `force`. */
  commit(force?: boolean): Promise<void>;
  /** Keeps the group membership alive during long work. */
  heartbeat(): Promise<void>;
  /** False once the subscription is stopping: stop early, leave the rest unresolved. */
  isRunning(): boolean;
  /** True after a rebalance/seek made the rest of this batch obsolete. */
  isStale(): boolean;
}

export type BatchHandler = (messages: ReceivedMessage[], ctx: BatchContext) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group id, used exactly as given. */
  groupId: string;
  topics: string[];
  handler: BatchHandler;
  /** Where a group without committed offsets starts. Default true (earliest). */
  fromBeginning?: boolean;
  /** Group session timeout in ms (a dead member is evicted after it). Default 30000. */
  sessionTimeoutMs?: number;
  /** Heartbeat interval in ms. Default 3000. */
  heartbeatIntervalMs?: number;
  /** Commit resolved offsets at least this often (ms) when `commit()` is called. Default 1000. */
  commitIntervalMs?: number;
  /** …or once this many offsets are resolved. Default 100. */
  commitThreshold?: number;
  /** Partitions processed in parallel by one member. Default 1. */
  partitionsConsumedConcurrently?: number;
}

export interface Subscription {
  readonly groupId: string;
  /** Resolves once the member has joined its group (partitions assigned). */
  readonly ready: Promise<void>;
  /** Rejects when the subscription crashed and could not recover by itself. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Offset the group will read next (-1 when it never committed). */
  committedOffset: string;
  highWatermark: string;
  lag: number;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read (last processed + 1). */
  offset: string;
}

export interface ReadTopicOptions {
  /** The group whose committed offsets are the starting point; it never commits during the read. */
  groupId: string;
  limit: number;
  /** Gives up waiting for the rest after this long. Default 30000. */
  timeoutMs?: number;
}

export interface MessageBus {
  /** Sends every batch with the idempotent producer (acks all); resolves when all are acknowledged. */
  publish(batches: OutgoingBatch[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Creates the topics that do not exist yet; returns the names it created. */
  ensureTopics(topics: TopicSpec[]): Promise<string[]>;
  /** How long each topic keeps its messages (retention.ms, as the broker applies it; -1 = forever). */
  topicRetentionMs(topics: string[]): Promise<Record<string, number>>;
  /** Consumer lag of a group on the given topics, per partition. */
  lag(groupId: string, topics: string[]): Promise<PartitionLag[]>;
  /** Reads up to `limit` messages after the group's committed offsets, up to the end as it was at the call. */
  readTopic(topic: string, options: ReadTopicOptions): Promise<ReceivedMessage[]>;
  /** Moves a group (with no running member) to the given offsets. */
  commitGroupOffsets(groupId: string, offsets: TopicPartitionOffset[]): Promise<void>;
  /** Rejects when the brokers cannot be reached. */
  health(): Promise<void>;
  disconnect(): Promise<void>;
}
