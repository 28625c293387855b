import { profileReplicaEntities, profileReplicaMigrations } from '@ofm/replicas';
import { DisposalOverdueSweep } from '../disposal/disposal-overdue.sweep';
import { DisposalService } from '../disposal/disposal.service';
import { VehicleLifecycle1795879300400 } from '../migrations/1795879300400-vehicle-lifecycle.migration';
import { DisposalDueDatesBackfill1795879300900 } from '../migrations/1795879300900-disposal-due-dates-backfill.migration';
import { PlateLossService } from '../plate/plate-loss.service';
import { ReplacedPlateEntity } from '../vehicle/replaced-plate.entity';
import { TitleEntryEntity } from '../vehicle/title-entry.entity';
import { TitleService } from '../title/title.service';
import { ReciprocityReplicaHandlers } from '../vehicle/reciprocity-replica.handlers';
import { VehicleLifecycleGrpcController } from './vehicle-lifecycle.grpc-controller';
import { VehicleRenewalService } from '../vehicle/vehicle-renewal.service';

// What a registration's life after issue adds to the service (renewal, plates, titles, disposal, the
// reciprocity profile replica): one line each in data-source.ts and app.module.ts.
export const lifecycleEntities = [ReplacedPlateEntity, TitleEntryEntity, ...profileReplicaEntities];
export const lifecycleMigrations = [
  ...profileReplicaMigrations,
  VehicleLifecycle1795879300400,
  DisposalDueDatesBackfill1795879300900,
];
export const lifecycleControllers = [VehicleLifecycleGrpcController];
export const lifecycleConsumers = [ReciprocityReplicaHandlers];
export const lifecycleProviders = [
  VehicleRenewalService,
  PlateLossService,
  TitleService,
  DisposalService,
  DisposalOverdueSweep,
  ReciprocityReplicaHandlers,
];
