import { flagRaised } from '@ofm/compliance';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_TYPES } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import type { EntityManager } from 'typeorm';
import { disposalDueFlag } from '../compliance/flag.factory';
import type { VehiclesConfig } from '../config';
import { disposalDueOn, isDisposalOverdue, overdueDetail } from './disposal.rules';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { nextRegistrationStatus } from './registration.rules';
import { VehicleEntity } from './vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from './vehicle.mapper';
import { updateVehicle } from './vehicle.repository';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// On termination the vehicles must be sold, exported or transferred (DOMAIN.md "Disposal") by a due
// date DISPOSAL_DUE_DAYS after the termination's effective date. Runs in the transaction of the inbox
// record of the terminating event, so redelivery changes nothing twice. The disposal-due flag is the
// overdue sweep's (disposal/disposal-overdue.sweep.ts) — raised here only when a backdated
// termination makes the registration overdue already.
@Injectable()
export class VehicleDisposalService {
  constructor(
    private readonly clock: Clock,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  /** Every registration of the member not yet disposed (or already due) becomes disposal-due. */
  async ownerTerminated(
    em: EntityManager,
    memberId: string,
    reason: string | undefined,
    eventId: string,
    effectiveDate?: string,
  ): Promise<number> {
    const today = this.clock.today();
    const dueOn = disposalDueOn(effectiveDate || today, this.config.DISPOSAL_DUE_DAYS);
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
      const flag = isDisposalOverdue(dueOn, today)
        ? disposalDueFlag(vehicle, this.clock.now(), overdueDetail(vehicle.plate, dueOn))
        : undefined;
      const updated = await updateVehicle(em, vehicle, {
        registrationStatus: status,
        disposalDueOn: dueOn,
        disposalFlagId: flag?.id ?? null,
      });
      const detail = `owner ${memberId} terminated${reason ? `: ${reason}` : ''}; vehicle ${vehicle.plate} must be sold, exported or transferred by ${dueOn}`;
      await commitVehicleChange(em, {
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
            data: { vehicle: toVehicleMessage(updated), reason: 'owner-terminated' },
          },
          ...(flag ? [flagRaised(flag)] : []),
        ],
      });
    }
    return vehicles.length;
  }
}
