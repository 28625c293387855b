import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from './accreditation.settings';
import type { AccreditationConfig } from './config';
import { accreditationDatabase } from './data-source';
import { AccreditMemberGrpcController } from './accredit-member/accredit-member.grpc-controller';
import { AccreditMemberService } from './accredit-member/accredit-member.service';
import { MemberGrpcController } from './member/member.grpc-controller';
import { MemberService } from './member/member.service';
import { MissionGrpcController } from './mission/mission.grpc-controller';
import { ChangeMissionStatusGrpcController } from './change-mission-status/change-mission-status.grpc-controller';
import { MissionStatusService } from './change-mission-status/mission-status.service';
import { MissionService } from './mission/mission.service';
import { NotifyAppointmentGrpcController } from './notify-appointment/notify-appointment.grpc-controller';
import { NotifyAppointmentService } from './notify-appointment/notify-appointment.service';
import { TerminateMemberGrpcController } from './terminate-member/terminate-member.grpc-controller';
import { TerminateMemberService } from './terminate-member/terminate-member.service';
import { VerifyMemberGrpcController } from './verify-member/verify-member.grpc-controller';
import { VerifyMemberService } from './verify-member/verify-member.service';

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
      // MemberService's methods are answered by the controller of each use case and member's reads.
      controllers: [
        MissionGrpcController,
        ChangeMissionStatusGrpcController,
        MemberGrpcController,
        NotifyAppointmentGrpcController,
        AccreditMemberGrpcController,
        TerminateMemberGrpcController,
        VerifyMemberGrpcController,
      ],
      providers: [
        { provide: ACCREDITATION_SETTINGS, useValue: settings },
        MissionService,
        MissionStatusService,
        MemberService,
        NotifyAppointmentService,
        AccreditMemberService,
        TerminateMemberService,
        VerifyMemberService,
      ],
    };
  }
}
