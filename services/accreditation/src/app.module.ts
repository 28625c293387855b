import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@ofm/contracts';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from './accreditation.settings';
import type { AccreditationConfig } from './config';
import { accreditationDatabase } from './data-source';
import { AccreditMemberGrpcController } from './accredit-member/accredit-member.grpc-controller';
import { AccreditMemberService } from './accredit-member/accredit-member.service';
import { ChangeMemberGrpcController } from './change-member/change-member.grpc-controller';
import { ChangeMemberService } from './change-member/change-member.service';
import { IdCardGrpcController } from './id-card/id-card.grpc-controller';
import { IdCardService } from './id-card/id-card.service';
import { PromoteMemberGrpcController } from './promote-member/promote-member.grpc-controller';
import { PromoteMemberService } from './promote-member/promote-member.service';
import { MemberGrpcController } from './member/member.grpc-controller';
import { ConsularImmunityReview } from './reciprocity/consular-immunity.review';
import { ReciprocityProfiles } from './reciprocity/reciprocity-profiles';
import { TravelNotificationGrpcController } from './travel-notification/travel-notification.grpc-controller';
import { TravelNotificationService } from './travel-notification/travel-notification.service';
import { ReciprocityReplicaHandlers } from './reciprocity/reciprocity-replica.handlers';
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
import { ImmunityEndAnnouncer } from './immunity-end/immunity-end.announcer';
import { ChecklistGrpcController } from './termination-checklist/checklist.grpc-controller';
import { CHECKLIST_SWEEP_SETTINGS, ChecklistSweep } from './termination-checklist/checklist.sweep';
import { ReturnedDocumentService } from './termination-checklist/returned-document.service';
import { VehiclePlatesHandlers } from './termination-checklist/vehicle-plates.handlers';
import { RecertificationGrpcController } from './recertification/recertification.grpc-controller';
import { RecertificationOverduePass } from './recertification/recertification-overdue.pass';
import { RecertificationService } from './recertification/recertification.service';
import { LongTenurePass } from './tenure/long-tenure.pass';
import { TenureGrpcController } from './tenure/tenure.grpc-controller';
import { TenureService } from './tenure/tenure.service';
import { TENURE_SWEEP_SETTINGS, TenureSweep } from './tenure/tenure.sweep';

@Module({})
export class AppModule {
  static forRoot(config: AccreditationConfig): DynamicModule {
    const settings: AccreditationSettings = {
      idCardValidityYears: config.ID_CARD_VALIDITY_YEARS,
      tenureLimits: config.TENURE_LIMIT_YEARS,
      recertificationCycleDays: config.RECERTIFICATION_CYCLE_DAYS,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ serviceName: 'accreditation' }),
        PersistenceModule.forRoot({
          database: accreditationDatabase,
          connection: { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
          commandReceiptRetentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        }),
        // The replica of reciprocity's country profiles (group ofm.accreditation).
        MessagingModule.forRoot({
          serviceName: 'accreditation',
          config,
          consumers: [VehiclePlatesHandlers, ReciprocityReplicaHandlers],
          // The late-notification flag is raised on the compliance topic, which no event type of ours names.
          topics: { publishes: [TOPICS.complianceFlag] },
        }),
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
        ChangeMemberGrpcController,
        PromoteMemberGrpcController,
        IdCardGrpcController,
        TravelNotificationGrpcController,
        ChecklistGrpcController,
        TenureGrpcController,
        RecertificationGrpcController,
      ],
      providers: [
        { provide: ACCREDITATION_SETTINGS, useValue: settings },
        { provide: CHECKLIST_SWEEP_SETTINGS, useValue: { everyMs: config.CHECKLIST_SWEEP_INTERVAL_MS } },
        ReturnedDocumentService,
        VehiclePlatesHandlers,
        ImmunityEndAnnouncer,
        ChecklistSweep,
        ReciprocityProfiles,
        TravelNotificationService,
        ReciprocityReplicaHandlers,
        ConsularImmunityReview,
        MissionService,
        MissionStatusService,
        MemberService,
        NotifyAppointmentService,
        AccreditMemberService,
        TerminateMemberService,
        VerifyMemberService,
        ChangeMemberService,
        PromoteMemberService,
        IdCardService,
        { provide: TENURE_SWEEP_SETTINGS, useValue: { everyMs: config.TENURE_SWEEP_INTERVAL_MS } },
        TenureService,
        RecertificationService,
        LongTenurePass,
        RecertificationOverduePass,
        TenureSweep,
      ],
    };
  }
}
