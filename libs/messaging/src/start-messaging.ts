import { EVENT_TYPES, deadLetterTopic } from '@ofm/contracts';
import type { DataSource } from 'typeorm';
import type { MessageBus } from './bus/message-bus.port';
import { ConsumerRunner, type ConsumerRunnerOptions, type EventHandlers } from './inbox/consumer-runner';
import { KafkaMessageBus } from './kafka/kafka-message-bus';
import { defaultMessagingLogger, errorMessage, type MessagingLogger } from './logging/messaging-logger';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { configureEventSource } from './outbox/publish-event';
import { backoffDelay } from './retry/backoff';
import { provisionTopics } from './topics/provision-topics';

export interface ConsumerSpec {
  topics: string[];
  handlers: EventHandlers;
}

export interface StartMessagingOptions {
  /** `accreditation` → ce_source `/ofm/accreditation`, consumer group `ofm.accreditation`. */
  serviceName: string;
  dataSource: DataSource;
  brokers: string[];
  consumers?: ConsumerSpec[];
  /**
   * The consumer group; `ofm.<serviceName>` unless given. Only a test platform that shares its broker
   * with a running platform sets another, so that the two do not split partitions.
   */
  groupId?: string;
  logger?: MessagingLogger;
  /** Another driver of the MessageBus port; by default a KafkaMessageBus on `brokers`. */
  bus?: MessageBus;
  /** Relay settings; `false` runs no relay (a consumer-only process). */
  relay?: Omit<OutboxRelayOptions, 'dataSource' | 'bus' | 'logger'> | false;
  /** Consumer settings (retries, timeouts) for the service's group. */
  consumer?: Omit<ConsumerRunnerOptions, 'groupId' | 'topics' | 'dataSource' | 'bus' | 'handlers' | 'logger'>;
  /** Topics created at start: those consumed, those of the service's own event types, `publishes`, and their `.dlq` twins. */
  topics?: { provision?: boolean; publishes?: string[]; partitions?: number; replicationFactor?: number };
}

export interface Messaging {
  bus: MessageBus;
  relay: OutboxRelay | undefined;
  /** One runner: every consumer spec of the service shares the group `ofm.<service>`. */
  runners: ConsumerRunner[];
  /** Resolves once topics exist and consumers have started (start-up retries until it can). */
  ready: Promise<void>;
  /** For HealthRegistry: rejects while Kafka is unreachable, the relay fails or a consumer is down. */
  check(): Promise<void>;
  stop(): Promise<void>;
}

// All specs of a service become one member of `ofm.<service>`: kafkajs assigns partitions as if every
// member subscribed to every topic, so several members with different topics in one group would not work.
const mergeConsumers = (serviceName: string, consumers: ConsumerSpec[]): ConsumerSpec | undefined => {
  if (consumers.length === 0) return undefined;
  const handlers: EventHandlers = {};
  for (const spec of consumers) {
    for (const [type, handler] of Object.entries(spec.handlers)) {
      if (handlers[type]) throw new Error(`startMessaging ${serviceName}: two handlers for ${type}`);
      handlers[type] = handler;
    }
  }
  return { topics: [...new Set(consumers.flatMap((c) => c.topics))], handlers };
};

const ownTopics = (serviceName: string): string[] =>
  Object.values(EVENT_TYPES)
    .filter((spec) => spec.type.startsWith(`gov.ofm.${serviceName}.`))
    .map((spec) => spec.topic);

/** The one call a service makes: relay of its outbox, its consumer group, topics, health and shutdown. */
export const startMessaging = async (options: StartMessagingOptions): Promise<Messaging> => {
  const logger = options.logger ?? defaultMessagingLogger;
  configureEventSource(options.serviceName);
  const ownBus = !options.bus;
  const bus =
    options.bus ?? new KafkaMessageBus({ brokers: options.brokers, clientId: `ofm-${options.serviceName}`, logger });
  const groupId = options.groupId ?? `ofm.${options.serviceName}`;
  const merged = mergeConsumers(options.serviceName, options.consumers ?? []);
  const runners = merged
    ? [
        new ConsumerRunner({
          ...options.consumer,
          groupId,
          topics: merged.topics,
          handlers: merged.handlers,
          dataSource: options.dataSource,
          bus,
          logger,
        }),
      ]
    : [];
  const relay =
    options.relay === false
      ? undefined
      : new OutboxRelay({ ...options.relay, dataSource: options.dataSource, bus, logger });
  relay?.start();

  let stopped = false;
  let started = false;
  let startError: string | undefined;
  const topicOptions = options.topics ?? {};
  const toProvision = [...(merged?.topics ?? []), ...ownTopics(options.serviceName), ...(topicOptions.publishes ?? [])];

  // Kafka may not be there yet: keep trying, and stay not-ready meanwhile.
  const ready = (async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      try {
        if (topicOptions.provision ?? true) {
          await provisionTopics(bus, [...new Set(toProvision.flatMap((t) => [t, deadLetterTopic(t)]))], {
            ...(topicOptions.partitions ? { partitions: topicOptions.partitions } : {}),
            ...(topicOptions.replicationFactor ? { replicationFactor: topicOptions.replicationFactor } : {}),
          });
        }
        for (const runner of runners) await runner.start();
        started = true;
        startError = undefined;
        return;
      } catch (e) {
        startError = errorMessage(e);
        logger.warn({ err: startError, attempt }, 'messaging: start failed, retrying');
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, 500, 10_000)));
      }
    }
  })();

  return {
    bus,
    relay,
    runners,
    ready,
    async check() {
      if (!started) throw new Error(`messaging is starting${startError ? `: ${startError}` : ''}`);
      await bus.health();
      await relay?.check();
      for (const runner of runners) await runner.check();
    },
    async stop() {
      stopped = true;
      for (const runner of runners) await runner.stop();
      await relay?.stop();
      if (ownBus) await bus.disconnect();
    },
  };
};
