import { flagRaised } from '@ofm/compliance';
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import { disposalDueFlag } from '../compliance/flag.factory';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { nextRegistrationStatus } from './registration.rules';
import { VehicleEntity } from './vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from './vehicle.mapper';
import { updateVehicle } from './vehicle.repository';

// On termination the vehicles must be sold, exported or transferred (DOMAIN.md "Disposal"). Runs in
// the transaction of the inbox record of the terminating event, so redelivery changes nothing twice.
@Injectable()
export class VehicleDisposalService {
  constructor(private readonly clock: Clock) {}

  /** Every registration of the member not yet disposed (or already due) becomes disposal-due. */
  async ownerTerminated(
    em: EntityManager,
    memberId: string,
    reason: string | undefined,
    eventId: string,
  ): Promise<number> {
    const vehicles = await em
      .createQueryBuilder(VehicleEntity, 'v')
      .setLock('pessimistic_write')
      .where('v.owner_member_id = :memberId', { memberId })
      .andWhere(`v.registration_status NOT IN ('disposal-due', 'disposed')`)
      .orderBy('v.seq')
      .getMany();
    for (const vehicle of vehicles) {
      const status = nextRegistrationStatus(vehicle.registrationStatus, 'owner-terminated');
      if (!status) continue;
      const updated = await updateVehicle(em, vehicle, { registrationStatus: status });
      const detail = `owner ${memberId} terminated${reason ? `: ${reason}` : ''}; vehicle ${vehicle.plate} must be sold, exported or transferred`;
      const message = toVehicleMessage(updated);
      const flag = disposalDueFlag(updated, this.clock.now(), detail);
      await commitChange(em, {
        actor: SYSTEM_ACTOR,
        action: 'registration.disposal-due',
        entity: { type: 'vehicle', id: vehicle.id },
        before: vehicleAuditState(vehicle),
        after: vehicleAuditState(updated),
        reason: `${detail} (event ${eventId})`,
        events: [
          {
            type: EVENT_TYPES.registrationDisposalDue,
            subject: vehicle.id,
            data: { vehicle: message, reason: 'owner-terminated' },
          },
          flagRaised(flag),
        ],
      });
    }
    return vehicles.length;
  }
}
