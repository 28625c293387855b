import { DriverLicences1795879300700 } from '../migrations/1795879300700-driver-licences.migration';
import { LicenceEntity, LicenceSuspensionEntity, LicenceViolationEntity } from './licence.entity';
import { LicenceGrpcController } from './licence.grpc-controller';
import { LicenceService } from './licence.service';
import { PointsReviewSweep } from './points-review.sweep';

// What the licence concern adds to the service (data-source.ts, app.module.ts): one line each there.
export const licenceEntities = [LicenceEntity, LicenceViolationEntity, LicenceSuspensionEntity];
export const licenceMigrations = [DriverLicences1795879300700];
export const licenceControllers = [LicenceGrpcController];
export const licenceProviders = [LicenceService, PointsReviewSweep];
