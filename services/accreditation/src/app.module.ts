import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@ofm/platform';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from './accreditation.settings';
import type { AccreditationConfig } from './config';
import { infrastructureProviders } from './infrastructure.providers';
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
      imports: [PlatformModule.forRoot({ serviceName: 'accreditation' })],
      controllers: [MissionGrpcController, MemberGrpcController],
      providers: [
        ...infrastructureProviders(config),
        { provide: ACCREDITATION_SETTINGS, useValue: settings },
        MissionService,
        MemberService,
        AccreditationService,
        TerminationService,
      ],
    };
  }
}
