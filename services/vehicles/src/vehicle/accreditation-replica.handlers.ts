import { Injectable } from '@nestjs/common';
import type { ConsumerSpec } from '@ofm/messaging';
import { accreditationReplicaConsumer } from '@ofm/replicas';
import { VehicleDisposalService } from './vehicle-disposal.service';

// The replica of accreditation that the registration rules read (@ofm/replicas), fed by its events,
// with this service's own effect of a termination: the owner's vehicles become disposal-due, in the
// transaction that records the event in the inbox.
@Injectable()
export class AccreditationReplicaHandlers {
  constructor(private readonly disposal: VehicleDisposalService) {}

  consumer(): ConsumerSpec {
    return accreditationReplicaConsumer({
      onMemberTerminated: (em, member, event) =>
        this.disposal.ownerTerminated(em, member.id, member.terminationReason, event.id),
    });
  }
}
