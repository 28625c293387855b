import { deadLetterTopic } from '@ofm/contracts';
import type {
  MessageBus,
  OutgoingBatch,
  ReceivedMessage,
  TopicPartitionOffset,
  WireMessage,
} from '../bus/message-bus.port';

// A dead letter is the original message (key, value, every header) plus these headers saying why and
// where it came from; replay drops them again.
export const DLQ_HEADERS = {
  error: 'ofm_dlq_error',
  originalTopic: 'ofm_dlq_original_topic',
  originalPartition: 'ofm_dlq_original_partition',
  originalOffset: 'ofm_dlq_original_offset',
  consumerGroup: 'ofm_dlq_consumer_group',
  failedAt: 'ofm_dlq_failed_at',
} as const;

const DLQ_PREFIX = 'ofm_dlq_';
const MAX_ERROR_LENGTH = 4000;

/** The group whose committed offsets mark which dead letters have been replayed. */
export const DLQ_REPLAY_GROUP = 'ofm.dlq-replay';

export const describeError = (e: unknown): string => {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
};

export const deadLetterMessage = (
  message: ReceivedMessage,
  error: unknown,
  consumerGroup: string,
  failedAt: Date = new Date(),
): WireMessage => ({
  key: message.key,
  value: message.value,
  headers: {
    ...message.headers,
    [DLQ_HEADERS.error]: describeError(error),
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.consumerGroup]: consumerGroup,
    [DLQ_HEADERS.failedAt]: failedAt.toISOString(),
  },
});

export interface DeadLetter {
  /** Where the dead letter itself is. */
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original value as text (it may not be valid JSON: that may be why it is here). */
  value: string | null;
  headers: Record<string, string>;
  error: string | undefined;
  originalTopic: string;
  originalPartition: number | undefined;
  originalOffset: string | undefined;
  consumerGroup: string | undefined;
  failedAt: string | undefined;
}

export interface DeadLetterOptions {
  /** Default 50. */
  limit?: number;
  /** The group that tracks what was replayed. Default `ofm.dlq-replay`. */
  groupId?: string;
  /** Default 30000 ms. */
  timeoutMs?: number;
}

export interface ReplayResult {
  replayed: number;
  /** How many went back to each original topic. */
  byTopic: Record<string, number>;
}

// Accepts the topic or its dead-letter twin.
const dlqOf = (topic: string): string => (topic.endsWith('.dlq') ? topic : deadLetterTopic(topic));

const originalTopicOf = (m: ReceivedMessage): string =>
  m.headers[DLQ_HEADERS.originalTopic] ?? m.topic.replace(/\.dlq$/, '');

const toDeadLetter = (m: ReceivedMessage): DeadLetter => {
  const partition = m.headers[DLQ_HEADERS.originalPartition];
  return {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    key: m.key,
    value: m.value === null ? null : m.value.toString('utf8'),
    headers: m.headers,
    error: m.headers[DLQ_HEADERS.error],
    originalTopic: originalTopicOf(m),
    originalPartition: partition === undefined ? undefined : Number(partition),
    originalOffset: m.headers[DLQ_HEADERS.originalOffset],
    consumerGroup: m.headers[DLQ_HEADERS.consumerGroup],
    failedAt: m.headers[DLQ_HEADERS.failedAt],
  };
};

const read = (bus: MessageBus, topic: string, options: DeadLetterOptions): Promise<ReceivedMessage[]> =>
  bus.readTopic(dlqOf(topic), {
    groupId: options.groupId ?? DLQ_REPLAY_GROUP,
    limit: options.limit ?? 50,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });

/** The dead letters of a topic not yet replayed, oldest first per partition. */
export const listDeadLetters = async (
  bus: MessageBus,
  topic: string,
  options: DeadLetterOptions = {},
): Promise<DeadLetter[]> => (await read(bus, topic, options)).map(toDeadLetter);

/**
 * Re-publishes dead letters to their original topic without the ofm_dlq_* headers, then marks them
 * replayed. Consumers that already applied an event skip it (inbox), so a replay is safe to repeat.
 */
export const replayDeadLetters = async (
  bus: MessageBus,
  topic: string,
  options: DeadLetterOptions = {},
): Promise<ReplayResult> => {
  const letters = await read(bus, topic, options);
  if (letters.length === 0) return { replayed: 0, byTopic: {} };
  const batches = new Map<string, WireMessage[]>();
  const next = new Map<string, TopicPartitionOffset>();
  for (const m of letters) {
    const headers = Object.fromEntries(Object.entries(m.headers).filter(([name]) => !name.startsWith(DLQ_PREFIX)));
    const original = originalTopicOf(m);
    batches.set(original, [...(batches.get(original) ?? []), { key: m.key, value: m.value, headers }]);
    next.set(`${m.topic}:${m.partition}`, {
      topic: m.topic,
      partition: m.partition,
      offset: (BigInt(m.offset) + 1n).toString(),
    });
  }
  const outgoing: OutgoingBatch[] = [...batches].map(([t, messages]) => ({ topic: t, messages }));
  await bus.publish(outgoing);
  // Marked only once republished: a crash in between replays them again, which the inboxes absorb.
  await bus.commitGroupOffsets(options.groupId ?? DLQ_REPLAY_GROUP, [...next.values()]);
  return {
    replayed: letters.length,
    byTopic: Object.fromEntries(outgoing.map((b) => [b.topic, b.messages.length])),
  };
};
