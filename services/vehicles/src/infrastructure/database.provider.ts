import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { databaseCheck, scheduleCommandReceiptPurge } from '@ofm/persistence';
import { HealthRegistry } from '@ofm/platform';
import { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { createServiceDataSource } from '../data-source';
import { VEHICLES_CONFIG } from '../shared/tokens';

export const dataSourceProvider: Provider = {
  provide: DataSource,
  inject: [VEHICLES_CONFIG],
  useFactory: async (config: VehiclesConfig): Promise<DataSource> =>
    createServiceDataSource(config.DATABASE_URL).initialize(),
};

// Registers the database readiness check, purges expired command receipts (inCommand) hourly, and
// closes the pool last, after messaging has stopped.
@Injectable()
export class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private receiptPurge: { stop(): void } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  onModuleInit(): void {
    this.health.register('database', databaseCheck(this.dataSource));
    this.receiptPurge = scheduleCommandReceiptPurge(this.dataSource, {
      retentionDays: this.config.COMMAND_RECEIPT_RETENTION_DAYS,
      serviceName: 'vehicles',
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.receiptPurge?.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
