import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import { Clock } from '@ofm/kernel';
import { AgreementService } from './agreement/agreement.service';
import type { ReciprocityConfig } from './config';
import { reciprocityDatabase } from './data-source';
import { ProfileService } from './profile/profile.service';
import { ReciprocityGrpcController } from './reciprocity.grpc-controller';

@Module({})
export class AppModule {
  static forRoot(config: ReciprocityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: 'reciprocity' }),
        PersistenceModule.forRoot({
          database: reciprocityDatabase,
          connection: { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
          commandReceiptRetentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        }),
        // No consumers: outbox relay, topics (those of its event types), readiness and retention.
        MessagingModule.forRoot({ serviceName: 'reciprocity', config }),
      ],
      controllers: [ReciprocityGrpcController],
      providers: [Clock, ProfileService, AgreementService],
    };
  }
}
