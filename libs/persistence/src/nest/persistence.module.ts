import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthRegistry } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { purgeCommandReceipts } from '../command/command-receipt.purge';
import { databaseCheck } from '../database.check';
import { PeriodicJobs } from '../jobs/periodic-jobs';
import { serviceDataSource, type DatabaseConnection, type ServiceDatabase } from '../service-database';

export interface PersistenceModuleOptions {
  database: ServiceDatabase;
  /** DATABASE_URL and DATABASE_POOL_SIZE. */
  connection: DatabaseConnection;
  /** COMMAND_RECEIPT_RETENTION_DAYS: set by services that run inCommand, whose receipts are then purged hourly. */
  commandReceiptRetentionDays?: number;
  /** Tries to reach the database at start (it may still be starting), 1 s apart. Default 15. */
  connectAttempts?: number;
  /** An existing DataSource, used as it is and never closed by the module (tests). */
  dataSource?: DataSource;
}

const OPTIONS = Symbol('PERSISTENCE_OPTIONS');
const HOUR_MS = 3_600_000;

// Readiness says whether the database answers; receipts of commands are forgotten after their retention.
@Injectable()
class PersistenceLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Persistence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly jobs: PeriodicJobs,
    @Inject(OPTIONS) private readonly options: PersistenceModuleOptions,
  ) {}

  onModuleInit(): void {
    this.health.register('database', databaseCheck(this.dataSource));
    const retentionDays = this.options.commandReceiptRetentionDays;
    if (retentionDays === undefined) return;
    this.jobs.register({
      name: 'persistence.command-receipt-purge',
      everyMs: HOUR_MS,
      run: async () => {
        const purged = await purgeCommandReceipts(this.dataSource, retentionDays);
        if (purged > 0) this.logger.log(`forgot ${purged} command receipts older than ${retentionDays} days`);
      },
    });
  }
}

/**
 * A service's database, in one import (global): the TypeORM DataSource of its ServiceDatabase through
 * @nestjs/typeorm (entities and migrations listed, never synchronize, migrations never run here),
 * injectable as `DataSource`; the `database` readiness check; PeriodicJobs (with the command-receipt
 * purge); and the pool closed on shutdown, after every job and consumer has stopped.
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    const common: Provider[] = [{ provide: OPTIONS, useValue: options }, PeriodicJobs, PersistenceLifecycle];
    if (options.dataSource) {
      return {
        module: PersistenceModule,
        global: true,
        imports: [ScheduleModule.forRoot()],
        providers: [{ provide: DataSource, useValue: options.dataSource }, ...common],
        exports: [DataSource, PeriodicJobs],
      };
    }
    const typeOrm = TypeOrmModule.forRootAsync({
      // The DataSource's own options are createDataSource's; these only say how long to wait for the
      // database at start.
      useFactory: () => ({ retryAttempts: options.connectAttempts ?? 15, retryDelay: 1_000, verboseRetryLog: true }),
      dataSourceFactory: async () => serviceDataSource(options.database, options.connection),
    });
    return {
      module: PersistenceModule,
      global: true,
      imports: [ScheduleModule.forRoot(), typeOrm],
      providers: common,
      exports: [PeriodicJobs],
    };
  }
}
