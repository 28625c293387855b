import { flagCleared } from '@ofm/compliance';
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type DisposalMethod, type vehicles } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { conflict, ruleViolated, type Actor } from '@ofm/platform';
import { findMissionReplica, profileInForce } from '@ofm/replicas';
import { DataSource, IsNull } from 'typeorm';
import { clearedDisposalFlag } from '../compliance/flag.factory';
import { TitleEntryEntity } from '../vehicle/title-entry.entity';
import { nextRegistrationStatus } from '../vehicle/registration.rules';
import { visibleVehicle } from '../vehicle/vehicle-access';
import { fullVehicleMessage } from '../vehicle/vehicle-ledgers';
import { vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { checkDisposal, RELEASES_TITLE, surchargeTerms } from '../vehicle/disposal.rules';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// RecordDisposal (POST /vehicles/{id}/disposal): the sale, export, transfer or junking of a vehicle,
// decided with the sending country's profile in force on the day of the disposal (its surcharge). One
// transaction: the vehicle disposed, its title released (sale, export, junk), the disposal-due flag
// cleared, and gov.ofm.vehicles.vehicle.disposed.v1, which closes the owner's plates item in
// accreditation's termination checklist.
@Injectable()
export class DisposalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, request: vehicles.RecordDisposalRequest): Promise<vehicles.Vehicle> {
    // The declared rules have checked the method against DisposalMethod's words.
    const method = request.method as DisposalMethod;
    return inCommand(this.dataSource, async (em) => {
      const vehicle = await visibleVehicle(em, actor, request.vehicleId);
      expectVersion(vehicle.version, request.expectedVersion);
      const mission = await findMissionReplica(em, vehicle.missionId);
      if (!mission) throw conflict(`the mission of vehicle ${vehicle.id} is not known to the vehicles program yet`);
      const surcharge = surchargeTerms(await profileInForce(em, mission.country, request.date));
      const violation = checkDisposal(
        vehicle,
        { method, platesReturned: request.platesReturned, surchargePaid: request.surchargePaid },
        surcharge,
      );
      if (violation) throw ruleViolated(violation.rule, violation.detail);

      const updated = await updateVehicle(em, vehicle, {
        registrationStatus: nextRegistrationStatus(vehicle.registrationStatus, 'disposal-recorded'),
        disposalMethod: method,
        disposedOn: request.date,
        platesReturned: request.platesReturned,
        ...(surcharge.required ? { disposalSurcharge: `paid: ${surcharge.reason}` } : {}),
        disposalFlagId: null,
      });
      if (RELEASES_TITLE[method]) {
        await em.update(
          TitleEntryEntity,
          { vehicleId: vehicle.id, releasedOn: IsNull() },
          { releasedOn: request.date },
        );
      }
      const message = await fullVehicleMessage(em, updated);
      await commitVehicleChange(em, {
        actor,
        action: 'vehicle.disposed',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: vehicleAuditState(updated),
        reason: `${method} on ${request.date}${request.platesReturned ? ', plates returned' : ''}`,
        events: [
          { type: EVENT_TYPES.vehicleDisposed, subject: vehicle.id, data: { vehicle: message } },
          ...(vehicle.disposalFlagId
            ? [flagCleared(clearedDisposalFlag(vehicle, vehicle.disposalFlagId, this.clock.now()), 'disposal recorded')]
            : []),
        ],
      });
      return message;
    });
  }
}
