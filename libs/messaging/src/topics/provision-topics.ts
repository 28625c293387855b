import type { MessageBus } from '../bus/message-bus.port';

export interface ProvisionTopicsOptions {
  /** Default 3. */
  partitions?: number;
  /** Default 1 (one local broker); set from configuration elsewhere. */
  replicationFactor?: number;
  /** Topic-level configs, e.g. { 'retention.ms': '604800000' }. */
  configs?: Record<string, string>;
}

/** Creates the topics that do not exist yet (idempotent); returns the ones it created. */
export const provisionTopics = (
  bus: MessageBus,
  topics: readonly string[],
  options: ProvisionTopicsOptions = {},
): Promise<string[]> =>
  bus.ensureTopics(
    [...new Set(topics)].map((topic) => ({
      topic,
      partitions: options.partitions ?? 3,
      replicationFactor: options.replicationFactor ?? 1,
      ...(options.configs ? { configs: options.configs } : {}),
    })),
  );
