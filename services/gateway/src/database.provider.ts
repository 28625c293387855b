import { Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { HealthRegistry } from '@ofm/platform';
import { databaseCheck } from '@ofm/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { createServiceDataSource } from './data-source';

const CONNECT_ATTEMPTS = 15;
const CONNECT_PAUSE_MS = 1_000;

// The gateway's own database (idempotency keys, verification audit). A database that is still
// starting is waited for a little; afterwards the pool reconnects by itself and /health/ready
// reports the outage meanwhile.
export const databaseProvider: Provider = {
  provide: DataSource,
  inject: [GATEWAY_CONFIG, HealthRegistry],
  useFactory: async (config: GatewayConfig, registry: HealthRegistry): Promise<DataSource> => {
    const ds = createServiceDataSource(config.databaseUrl);
    const logger = new Logger('Database');
    for (let attempt = 1; ; attempt++) {
      try {
        await ds.initialize();
        break;
      } catch (error) {
        if (attempt >= CONNECT_ATTEMPTS) throw error;
        logger.warn(
          `database not reachable (attempt ${attempt}/${CONNECT_ATTEMPTS}): ${error instanceof Error ? error.message : String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, CONNECT_PAUSE_MS));
      }
    }
    registry.register('database', databaseCheck(ds));
    return ds;
  },
};

@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
