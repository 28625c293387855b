import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { checkRenewal, renewedExpiresOn } from './registration.rules';
import { visibleVehicle } from './vehicle-access';
import { fullVehicleMessage } from './vehicle-ledgers';
import { vehicleAuditState } from './vehicle.mapper';
import { updateVehicle } from './vehicle.repository';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// RenewRegistration (POST /vehicles/{id}/registration/renewal): one more year. Renewal moves only the
// expiry: insurance still decides whether the registration is active (DOMAIN.md).
@Injectable()
export class VehicleRenewalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async renew(actor: Actor, request: vehicles.RenewRegistrationRequest): Promise<vehicles.Vehicle> {
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      expectVersion(vehicle.version, request.expectedVersion);
      const today = this.clock.today();
      const violation = checkRenewal({ status: vehicle.registrationStatus, expiresOn: vehicle.expiresOn }, today);
      if (violation) throw ruleViolated(violation.rule, violation.detail);
      const updated = await updateVehicle(em, vehicle, { expiresOn: renewedExpiresOn(vehicle.expiresOn, today) });
      const message = await fullVehicleMessage(em, updated);
      await commitVehicleChange(em, {
        actor,
        action: 'registration.renewed',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: vehicleAuditState(updated),
        reason: `renewed until ${updated.expiresOn}`,
        events: [{ type: EVENT_TYPES.registrationRenewed, subject: vehicle.id, data: { vehicle: message } }],
      });
      return message;
    });
  }
}
