import { Injectable, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { databaseCheck } from '@ofm/persistence';
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

// Registers the database readiness check and closes the pool last, after messaging has stopped.
@Injectable()
export class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('database', databaseCheck(this.dataSource));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
