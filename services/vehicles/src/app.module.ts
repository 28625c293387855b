import { Module, type DynamicModule } from '@nestjs/common';
import { TOPICS } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { MessagingModule } from '@ofm/messaging';
import { PersistenceModule } from '@ofm/persistence';
import { PlatformModule } from '@ofm/platform';
import type { VehiclesConfig } from './config';
import { vehiclesDatabase } from './data-source';
import { AbandonedUploadSweep } from './insurance-feed/abandoned-upload.sweep';
import { InsuranceFeedGrpcController } from './insurance-feed/insurance-feed.grpc-controller';
import { InsuranceFeedProcessor } from './insurance-feed/insurance-feed.processor';
import { InsuranceFeedService } from './insurance-feed/insurance-feed.service';
import { InsuranceGrpcController } from './insurance/insurance.grpc-controller';
import { InsuranceLapseSweep } from './insurance/insurance-lapse.sweep';
import { InsuranceService } from './insurance/insurance.service';
import { InsuranceCancellationService } from './insurance/insurance-cancellation.service';
import { InsuranceRemindersService } from './insurance/insurance-reminders.service';
import { licenceControllers, licenceProviders } from './licence/licence.schema';
import { VEHICLES_CONFIG } from './shared/tokens';
import { AccreditationReplicaHandlers } from './vehicle/accreditation-replica.handlers';
import { lifecycleConsumers, lifecycleControllers, lifecycleProviders } from './lifecycle/lifecycle.schema';
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
          // The replicas of accreditation's members and missions and of reciprocity's profiles (group ofm.vehicles).
          consumers: [AccreditationReplicaHandlers, ...lifecycleConsumers],
          // Flags are raised by this service on the compliance topic, which no event type of ours names.
          topics: { publishes: [TOPICS.complianceFlag] },
        }),
      ],
      controllers: [
        VehicleGrpcController,
        InsuranceGrpcController,
        ...licenceControllers,
        ...lifecycleControllers,
        InsuranceFeedGrpcController,
      ],
      providers: [
        { provide: VEHICLES_CONFIG, useValue: config },
        Clock,
        PlateNumberService,
        VehicleRegistrationService,
        VehicleQueryService,
        VehicleDisposalService,
        InsuranceService,
        InsuranceCancellationService,
        InsuranceRemindersService,
        InsuranceLapseSweep,
        InsuranceFeedService,
        InsuranceFeedProcessor,
        AbandonedUploadSweep,
        AccreditationReplicaHandlers,
        ...licenceProviders,
        ...lifecycleProviders,
      ],
    };
  }
}
