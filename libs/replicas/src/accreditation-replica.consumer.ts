import { EVENT_TYPES, TOPICS, type accreditation, type accreditationEvents } from '@ofm/contracts';
import { onEvent, type CloudEvent, type ConsumerSpec } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import { findMemberReplica } from './replica.queries';
import { upsertMemberReplica, upsertMissionReplica } from './replica.writer';

type MemberEvent = { member?: accreditationEvents.MemberAccredited['member'] };

export interface AccreditationReplicaOptions {
  /**
   * The consumer's own effect of a termination, run in the same inbox transaction once the replica
   * says the member is terminated (never for an out-of-date "terminated" replayed after a newer state).
   */
  onMemberTerminated?: (
    em: EntityManager,
    member: accreditation.Member,
    event: CloudEvent<accreditationEvents.MemberTerminated>,
  ) => Promise<unknown>;
}

// The replica of accreditation, fed by its member and mission events. Each handler runs in the
// transaction that records the event in the inbox, so a redelivered event changes nothing twice.
export const accreditationReplicaConsumer = (options: AccreditationReplicaOptions = {}): ConsumerSpec => {
  const memberChanged = async (event: CloudEvent<MemberEvent>, em: EntityManager): Promise<void> => {
    if (!event.data.member?.id) throw new Error(`event ${event.id}: ${event.type} without a member`);
    await upsertMemberReplica(em, event.data.member, event.time);
  };
  // A registration and a status change both carry the whole mission; the version decides which wins.
  const missionChanged = async (
    event: CloudEvent<accreditationEvents.MissionRegistered | accreditationEvents.MissionStatusChanged>,
    em: EntityManager,
  ): Promise<void> => {
    if (!event.data.mission?.id) throw new Error(`event ${event.id}: ${event.type} without a mission`);
    await upsertMissionReplica(em, event.data.mission, event.time);
  };
  const memberTerminated = async (
    event: CloudEvent<accreditationEvents.MemberTerminated>,
    em: EntityManager,
  ): Promise<void> => {
    await memberChanged(event, em);
    if (!options.onMemberTerminated) return;
    const member = event.data.member!;
    // The stored state decides: an out-of-date "terminated" replayed after a newer state must not
    // cause an effect the newer state does not say.
    const current = await findMemberReplica(em, member.id);
    if (current?.status !== 'terminated') return;
    await options.onMemberTerminated(em, member, event);
  };
  // A promotion carries both appointments: the replaced one (terminated, but deliberately without
  // onMemberTerminated — the person stays, nothing is to be disposed of) and the new one.
  const memberPromoted = async (
    event: CloudEvent<accreditationEvents.MemberPromoted>,
    em: EntityManager,
  ): Promise<void> => {
    if (!event.data.member?.id || !event.data.previousMember?.id)
      throw new Error(`event ${event.id}: ${event.type} without both appointments`);
    await upsertMemberReplica(em, event.data.previousMember, event.time);
    await upsertMemberReplica(em, event.data.member, event.time);
  };
  return {
    topics: [TOPICS.member, TOPICS.mission],
    handlers: {
      ...onEvent(EVENT_TYPES.missionRegistered, missionChanged),
      ...onEvent(EVENT_TYPES.missionStatusChanged, missionChanged),
      ...onEvent(EVENT_TYPES.memberNotified, memberChanged),
      ...onEvent(EVENT_TYPES.memberAccredited, memberChanged),
      ...onEvent(EVENT_TYPES.memberRefused, memberChanged),
      ...onEvent(EVENT_TYPES.memberTerminated, memberTerminated),
      ...onEvent(EVENT_TYPES.memberChanged, memberChanged),
      ...onEvent(EVENT_TYPES.memberPromoted, memberPromoted),
      ...onEvent(EVENT_TYPES.idCardRenewed, memberChanged),
      ...onEvent(EVENT_TYPES.idCardReportedLost, memberChanged),
    },
  };
};
