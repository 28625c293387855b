import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type PlateLoss, type vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { conflict, ruleViolated, type Actor } from '@ofm/platform';
import { findMissionReplica } from '@ofm/replicas';
import { DataSource } from 'typeorm';
import type { PlateLetter } from '../vehicle/plate.rules';
import { PlateNumberService } from '../vehicle/plate-number.service';
import { visibleVehicle } from '../vehicle/vehicle-access';
import { fullVehicleMessage } from '../vehicle/vehicle-ledgers';
import { vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { ReplacedPlateEntity } from '../vehicle/replaced-plate.entity';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// ReportPlateLoss (POST /vehicles/{id}/plate/loss): a lost or stolen plate is replaced by a new
// serial of the same letter and country code. The old number is never reissued and keeps verifying
// reported-stolen — whether it was lost or stolen, it is out of OFM's hands and on nobody's vehicle.
@Injectable()
export class PlateLossService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plates: PlateNumberService,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, request: vehicles.ReportPlateLossRequest): Promise<vehicles.Vehicle> {
    const loss = request.loss as PlateLoss;
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      expectVersion(vehicle.version, request.expectedVersion);
      if (vehicle.registrationStatus === 'disposed') {
        throw ruleViolated('vehicle-disposed', `vehicle ${vehicle.id} is disposed: it has no plate to replace`);
      }
      const mission = await findMissionReplica(em, vehicle.missionId);
      if (!mission) throw conflict(`the mission of vehicle ${vehicle.id} is not known to the vehicles program yet`);
      // The letter was decided from the owner's category at registration and the owner has not changed.
      const letter = vehicle.plate[0] as PlateLetter;
      const plate = await this.plates.issue(em, letter, mission.country.toUpperCase());
      await em.insert(ReplacedPlateEntity, {
        plate: vehicle.plate,
        vehicleId: vehicle.id,
        loss,
        reportedOn: this.clock.today(),
      });
      const updated = await updateVehicle(em, vehicle, { plate });
      const message = await fullVehicleMessage(em, updated);
      await commitVehicleChange(em, {
        actor,
        action: 'plate.replaced',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: vehicleAuditState(updated),
        reason: `plate ${vehicle.plate} reported ${loss}; replaced by ${plate}`,
        events: [
          {
            type: EVENT_TYPES.plateReplaced,
            subject: vehicle.id,
            data: { vehicle: message, replacedPlate: vehicle.plate, loss },
          },
        ],
      });
      return message;
    });
  }
}
