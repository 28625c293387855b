import { Injectable } from '@nestjs/common';
import type { ConsumerSpec } from '@ofm/messaging';
import { accreditationReplicaConsumer } from '@ofm/replicas';
import { LicenceService } from '../licence/licence.service';
import { VehicleDisposalService } from './vehicle-disposal.service';

// The replica of accreditation that the registration rules read (@ofm/replicas), fed by its events,
// with this service's own effect of a termination: the owner's vehicles become disposal-due, in the
// transaction that records the event in the inbox.
@Injectable()
export class AccreditationReplicaHandlers {
  constructor(
    private readonly disposal: VehicleDisposalService,
    private readonly licences: LicenceService,
  ) {}

  consumer(): ConsumerSpec {
    return accreditationReplicaConsumer({
      // The licence ends with the appointment too (services/vehicles/src/licence).
      onMemberTerminated: async (em, member, event) => {
        await this.disposal.ownerTerminated(
          em,
          member.id,
          member.terminationReason,
          event.id,
          member.terminationEffectiveDate,
        );
        await this.licences.holderTerminated(em, member, event.id);
      },
    });
  }
}
