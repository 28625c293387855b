import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from './accreditation.settings';
import type { AccreditationConfig } from './config';
import { accreditationDatabase } from './data-source';
import { AccreditationService } from './member/accreditation.service';
import { MemberGrpcController } from './member/member.grpc-controller';
import { MemberService } from './member/member.service';
import { TerminationService } from './member/termination.service';
import { MissionGrpcController } from './mission/mission.grpc-controller';
import { MissionService } from './mission/mission.service';

@Module({})
export class AppModule {
  static forRoot(config: AccreditationConfig): DynamicModule {
    const settings: AccreditationSettings = { idCardValidityYears: config.ID_CARD_VALIDITY_YEARS };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: 'accreditation' }),
        PersistenceModule.forRoot({
          database: accreditationDatabase,
          connection: { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
          commandReceiptRetentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        }),
        // No consumers yet: the service only publishes (outbox relay).
        MessagingModule.forRoot({ serviceName: 'accreditation', config }),
      ],
      controllers: [MissionGrpcController, MemberGrpcController],
      providers: [
        { provide: ACCREDITATION_SETTINGS, useValue: settings },
        MissionService,
        MemberService,
        AccreditationService,
        TerminationService,
      ],
    };
  }
}
