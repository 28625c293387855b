import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@ofm/platform';
import type { VehiclesConfig } from './config';
import { DatabaseLifecycle, dataSourceProvider } from './infrastructure/database.provider';
import { SERVICE_NAME, VehiclesMessaging } from './infrastructure/vehicles-messaging';
import { InsuranceLapseSweep } from './insurance/insurance-lapse.sweep';
import { InsuranceService } from './insurance/insurance.service';
import { AccreditationReplicaHandlers } from './replica/accreditation-replica.handlers';
import { Clock } from './shared/clock';
import { VEHICLES_CONFIG } from './shared/tokens';
import { PlateNumberService } from './vehicle/plate-number.service';
import { VehicleDisposalService } from './vehicle/vehicle-disposal.service';
import { VehicleQueryService } from './vehicle/vehicle-query.service';
import { VehicleRegistrationService } from './vehicle/vehicle-registration.service';
import { VehicleGrpcController } from './vehicle/vehicle.grpc-controller';

@Module({})
export class AppModule {
  static forRoot(config: VehiclesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ serviceName: SERVICE_NAME })],
      controllers: [VehicleGrpcController],
      providers: [
        { provide: VEHICLES_CONFIG, useValue: config },
        dataSourceProvider,
        DatabaseLifecycle,
        Clock,
        PlateNumberService,
        VehicleRegistrationService,
        VehicleQueryService,
        VehicleDisposalService,
        InsuranceService,
        InsuranceLapseSweep,
        AccreditationReplicaHandlers,
        VehiclesMessaging,
      ],
    };
  }
}
