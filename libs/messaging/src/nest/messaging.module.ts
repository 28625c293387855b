import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PeriodicJobs } from '@ofm/persistence';
import { ConfigError, createLogger, HealthRegistry } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { messagingConfigProblems, type MessagingConfig } from '../config/messaging.config';
import { errorMessage } from '../logging/messaging-logger';
import { purgeInbox, purgePublishedOutbox, refreshMessagingTableRows } from '../retention/messaging-retention';
import { startMessaging, type ConsumerSpec, type Messaging, type StartMessagingOptions } from '../start-messaging';

/** A provider of the service (listed in its module) that handles events: its topics and handlers. */
export interface EventConsumer {
  consumer(): ConsumerSpec;
}

export interface MessagingModuleOptions {
  /** `vehicles` → ce_source `/ofm/vehicles`, consumer group `ofm.vehicles` (unless KAFKA_CONSUMER_GROUP). */
  serviceName: string;
  config: MessagingConfig;
  /** Classes provided by the service's own module; every one's consumer() joins the service's one group. */
  consumers?: Type<EventConsumer>[];
  topics?: StartMessagingOptions['topics'];
  consumer?: StartMessagingOptions['consumer'];
  relay?: StartMessagingOptions['relay'];
}

const OPTIONS = Symbol('MESSAGING_OPTIONS');
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const TABLE_ROWS_EVERY_MS = 60_000;

/**
 * The service's messaging, started once the application is up (every handler provider exists by
 * then): outbox relay, consumers, topics, the `messaging` readiness check (not ready until Kafka
 * answers and the consumer runs), the retention jobs of outbox and inbox and the table-size gauges;
 * stopped before the servers close and the pool is destroyed.
 */
@Injectable()
export class MessagingService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private messaging: Messaging | undefined;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly jobs: PeriodicJobs,
    private readonly moduleRef: ModuleRef,
    @Inject(OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  onModuleInit(): void {
    this.health.register('messaging', () => this.check());
    const { OUTBOX_RETENTION_DAYS: outboxDays, INBOX_RETENTION_DAYS: inboxDays } = this.options.config;
    this.jobs.register({
      name: 'messaging.outbox-retention',
      everyMs: HOUR_MS,
      run: async () =>
        this.deleted('published outbox events', outboxDays, await purgePublishedOutbox(this.dataSource, outboxDays)),
    });
    this.jobs.register({
      name: 'messaging.inbox-retention',
      everyMs: HOUR_MS,
      run: async () => this.deleted('inbox event ids', inboxDays, await purgeInbox(this.dataSource, inboxDays)),
    });
    // Every replica exports the gauges, so none of them is stale.
    this.jobs.register({
      name: 'messaging.table-rows',
      everyMs: TABLE_ROWS_EVERY_MS,
      exclusive: false,
      runAtStart: true,
      run: () => refreshMessagingTableRows(this.dataSource),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.messaging) return;
    const { serviceName, config } = this.options;
    const consumers = (this.options.consumers ?? []).map((type) =>
      this.moduleRef.get(type, { strict: false }).consumer(),
    );
    this.messaging = await startMessaging({
      serviceName,
      dataSource: this.dataSource,
      brokers: config.KAFKA_BROKERS,
      consumers,
      logger: createLogger(serviceName),
      ...(config.KAFKA_CONSUMER_GROUP ? { groupId: config.KAFKA_CONSUMER_GROUP } : {}),
      ...(this.options.topics ? { topics: this.options.topics } : {}),
      ...(this.options.consumer ? { consumer: this.options.consumer } : {}),
      ...(this.options.relay !== undefined ? { relay: this.options.relay } : {}),
    });
    const consumed = [...new Set(consumers.flatMap((c) => c.topics))];
    void this.messaging.ready.then(() => this.checkTopicRetention(consumed));
  }

  /** Resolves once topics exist and the consumer has started. */
  ready(): Promise<void> {
    return this.messaging ? this.messaging.ready : Promise.reject(new Error('messaging is not started'));
  }

  async check(): Promise<void> {
    if (!this.messaging) throw new Error('messaging is not started');
    await this.messaging.check();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.messaging?.stop();
  }

  private deleted(what: string, days: number, count: number): void {
    if (count > 0) this.logger.log(`deleted ${count} ${what} older than ${days} days`);
  }

  // The configuration says how long the topics keep messages; the brokers know. A consumed topic kept
  // longer than the inbox remembers ids could deliver, on a replay, an event applied and forgotten.
  private async checkTopicRetention(topics: string[]): Promise<void> {
    // `ready` also resolves when messaging is stopped before it could start.
    if (this.stopping || topics.length === 0) return;
    const inboxMs = this.options.config.INBOX_RETENTION_DAYS * DAY_MS;
    try {
      const retention = await this.messaging!.bus.topicRetentionMs(topics);
      for (const [topic, ms] of Object.entries(retention)) {
        if (ms >= 0 && ms <= inboxMs) continue;
        this.logger.error(
          `topic ${topic} keeps messages ${ms < 0 ? 'forever' : `for ${(ms / DAY_MS).toFixed(1)} days`}, longer than ` +
            `INBOX_RETENTION_DAYS (${this.options.config.INBOX_RETENTION_DAYS}): a replay could apply again an event whose id the inbox forgot`,
        );
      }
    } catch (error) {
      this.logger.warn(`could not read the retention of the consumed topics: ${errorMessage(error)}`);
    }
  }
}

/** Messaging of a service in one import; needs PersistenceModule (DataSource, PeriodicJobs) and PlatformModule. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const problems = messagingConfigProblems(options.config);
    if (problems.length > 0) throw new ConfigError(problems.map((p) => `${p.variable}: ${p.message}`));
    return {
      module: MessagingModule,
      providers: [{ provide: OPTIONS, useValue: options }, MessagingService],
      exports: [MessagingService],
    };
  }
}
