import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type accreditationEvents } from '@ofm/contracts';
import { onEvent, type CloudEvent, type ConsumerSpec } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import { VehicleDisposalService } from '../vehicle/vehicle-disposal.service';
import { findMemberReplica } from './replica.repository';
import { upsertMemberReplica, upsertMissionReplica } from './replica.writer';

type MemberEvent = { member?: accreditationEvents.MemberAccredited['member'] };

// The replica of accreditation that the registration rules read, fed by its events. Each handler runs
// in the transaction that records the event in the inbox.
@Injectable()
export class AccreditationReplicaHandlers {
  constructor(private readonly disposal: VehicleDisposalService) {}

  consumer(): ConsumerSpec {
    const member = (event: CloudEvent<MemberEvent>, em: EntityManager) => this.memberChanged(event, em);
    return {
      topics: [TOPICS.member, TOPICS.mission],
      handlers: {
        ...onEvent(EVENT_TYPES.missionRegistered, (event, em) => this.missionRegistered(event, em)),
        ...onEvent(EVENT_TYPES.memberNotified, member),
        ...onEvent(EVENT_TYPES.memberAccredited, member),
        ...onEvent(EVENT_TYPES.memberRefused, member),
        ...onEvent(EVENT_TYPES.memberTerminated, (event, em) => this.memberTerminated(event, em)),
      },
    };
  }

  private async missionRegistered(
    event: CloudEvent<accreditationEvents.MissionRegistered>,
    em: EntityManager,
  ): Promise<void> {
    if (!event.data.mission?.id) throw new Error(`event ${event.id}: ${event.type} without a mission`);
    await upsertMissionReplica(em, event.data.mission, event.time);
  }

  private async memberChanged(event: CloudEvent<MemberEvent>, em: EntityManager): Promise<void> {
    if (!event.data.member?.id) throw new Error(`event ${event.id}: ${event.type} without a member`);
    await upsertMemberReplica(em, event.data.member, event.time);
  }

  private async memberTerminated(
    event: CloudEvent<accreditationEvents.MemberTerminated>,
    em: EntityManager,
  ): Promise<void> {
    await this.memberChanged(event, em);
    const member = event.data.member!;
    // The stored state decides: an out-of-date "terminated" replayed after a newer state must not
    // dispose of anything the newer state does not say.
    const current = await findMemberReplica(em, member.id);
    if (current?.status !== 'terminated') return;
    await this.disposal.ownerTerminated(em, member.id, member.terminationReason, event.id);
  }
}
