import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import type { InsightsConfig } from './config';
import { insightsDatabase } from './data-source';
import { FlagGrpcController } from './flag/flag.grpc-controller';
import { FlagQueryService } from './flag/flag-query.service';
import { FlagRegisterConsumer } from './flag/flag-register.consumer';

@Module({})
export class AppModule {
  static forRoot(config: InsightsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: 'insights' }),
        PersistenceModule.forRoot({
          database: insightsDatabase,
          connection: { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
          commandReceiptRetentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        }),
        // The flag register reads ofm.compliance.flag.v1 (group ofm.insights).
        MessagingModule.forRoot({ serviceName: 'insights', config, consumers: [FlagRegisterConsumer] }),
      ],
      controllers: [FlagGrpcController],
      providers: [FlagQueryService, FlagRegisterConsumer],
    };
  }
}
