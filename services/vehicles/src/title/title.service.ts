import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TitleRole, vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { ruleViolated, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { visibleVehicle } from '../vehicle/vehicle-access';
import { fullVehicleMessage } from '../vehicle/vehicle-ledgers';
import { vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { TitleEntryEntity } from '../vehicle/title-entry.entity';
import { checkTitleEntry } from '../vehicle/title.rules';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// RecordTitle (POST /vehicles/{id}/titles): an entry of the electronic title ledger, at registration or
// later. The vehicle's version moves with its ledger, so If-Match covers both.
@Injectable()
export class TitleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, request: vehicles.RecordTitleRequest): Promise<vehicles.Vehicle> {
    const role = request.role as TitleRole;
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      expectVersion(vehicle.version, request.expectedVersion);
      const ledger = await em.find(TitleEntryEntity, { where: { vehicleId: vehicle.id }, order: { seq: 'ASC' } });
      const violation = checkTitleEntry(vehicle.registrationStatus, ledger, role);
      if (violation) throw ruleViolated(violation.rule, violation.detail);
      const entry = {
        id: randomUUID(),
        vehicleId: vehicle.id,
        role,
        holder: request.holder,
        recordedOn: this.clock.today(),
      };
      await em.insert(TitleEntryEntity, entry);
      // Takes the version even though no column of the vehicle changes: a concurrent writer loses (409).
      const updated = await updateVehicle(em, vehicle, {});
      const message = await fullVehicleMessage(em, updated);
      await commitVehicleChange(em, {
        actor,
        action: 'title.recorded',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: { ...vehicleAuditState(updated), title: entry },
        reason: `${role} ${request.holder} recorded on the title`,
        events: [],
      });
      return message;
    });
  }
}
