import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { startMessaging, type Messaging } from '@ofm/messaging';
import { databaseCheck, scheduleCommandReceiptPurge } from '@ofm/persistence';
import { HealthRegistry } from '@ofm/platform';
import { DataSource } from 'typeorm';
import type { AccreditationConfig } from './config';
import { createServiceDataSource } from './data-source';

export const MESSAGING = Symbol('MESSAGING');
export const COMMAND_RECEIPT_PURGE = Symbol('COMMAND_RECEIPT_PURGE');

export const infrastructureProviders = (config: AccreditationConfig): Provider[] => [
  {
    provide: DataSource,
    useFactory: async () => createServiceDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE).initialize(),
  },
  {
    provide: MESSAGING,
    // No consumers yet: the service only publishes (outbox relay). Kafka being down does not stop the
    // start; the service reports not-ready until it is reachable.
    useFactory: (dataSource: DataSource) =>
      startMessaging({ serviceName: 'accreditation', dataSource, brokers: config.KAFKA_BROKERS }),
    inject: [DataSource],
  },
  {
    // Receipts of commands run under a request id (inCommand), forgotten after their retention.
    provide: COMMAND_RECEIPT_PURGE,
    useFactory: (dataSource: DataSource) =>
      scheduleCommandReceiptPurge(dataSource, {
        retentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        serviceName: 'accreditation',
      }),
    inject: [DataSource],
  },
  InfrastructureLifecycle,
];

// Readiness reports the database and Kafka; on shutdown (after the servers stopped taking requests)
// the relay drains and the pool closes.
@Injectable()
export class InfrastructureLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING) private readonly messaging: Messaging,
    private readonly health: HealthRegistry,
    @Inject(COMMAND_RECEIPT_PURGE) private readonly receiptPurge: { stop(): void },
  ) {}

  onModuleInit(): void {
    this.health.register('database', databaseCheck(this.dataSource));
    this.health.register('messaging', () => this.messaging.check());
  }

  async onApplicationShutdown(): Promise<void> {
    this.receiptPurge.stop();
    await this.messaging.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
