import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import type { VehiclesConfig } from './config';
import { vehiclesDatabase } from './data-source';
import { InsuranceGrpcController } from './insurance/insurance.grpc-controller';
import { InsuranceLapseSweep } from './insurance/insurance-lapse.sweep';
import { InsuranceService } from './insurance/insurance.service';
import { VEHICLES_CONFIG } from './shared/tokens';
import { AccreditationReplicaHandlers } from './vehicle/accreditation-replica.handlers';
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
      imports: [
        PlatformModule.forRoot({ serviceName: 'vehicles' }),
        PersistenceModule.forRoot({
          database: vehiclesDatabase,
          connection: { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE },
          commandReceiptRetentionDays: config.COMMAND_RECEIPT_RETENTION_DAYS,
        }),
        MessagingModule.forRoot({
          serviceName: 'vehicles',
          config,
          // The replica of accreditation's members and missions (group ofm.vehicles).
          consumers: [AccreditationReplicaHandlers],
          // Flags are raised by this service on the compliance topic, which no event type of ours names.
          topics: { publishes: [TOPICS.complianceFlag] },
        }),
      ],
      controllers: [VehicleGrpcController, InsuranceGrpcController],
      providers: [
        { provide: VEHICLES_CONFIG, useValue: config },
        Clock,
        PlateNumberService,
        VehicleRegistrationService,
        VehicleQueryService,
        VehicleDisposalService,
        InsuranceService,
        InsuranceLapseSweep,
        AccreditationReplicaHandlers,
      ],
    };
  }
}
