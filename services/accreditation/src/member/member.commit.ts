import type { accreditation } from '@ofm/contracts';
import { commitChange, type ChangeToCommit } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import type { MemberEntity } from './member.entity';
import { memberSnapshot, memberToProto } from './member.queries';
import type { OpenItemEntity } from './open-item.entity';

export interface MemberChange {
  actor: ChangeToCommit['actor'];
  /** The member as it was, from memberSnapshot before the change. */
  before: unknown;
  action: string;
  reason: string | null;
  now: Date;
  /**
   * The member's open items as they stand after the change, when the change is about them (a
   * termination opens the documents to return): the audit's after and the events' member carry them.
   * Without them the member is recorded with none, as every other command records it.
   */
  openItems?: readonly OpenItemEntity[];
  /** The events that announce the change, given the member as it now stands. */
  events: (member: accreditation.Member) => ChangeToCommit['events'] | Promise<ChangeToCommit['events']>;
}

/**
 * Every command on one member ends the same way: the member saved as its next version, and its audit
 * record (before and after) and events committed with it in the command's transaction.
 */
export const commitMemberChange = async (
  em: EntityManager,
  member: MemberEntity,
  change: MemberChange,
): Promise<accreditation.Member> => {
  member.version += 1;
  member.updatedAt = change.now;
  await em.save(member);
  const proto = memberToProto(member, change.openItems);
  await commitChange(em, {
    actor: change.actor,
    action: change.action,
    entity: { type: 'member', id: member.id },
    before: change.before,
    after: memberSnapshot(member, change.openItems),
    reason: change.reason,
    events: await change.events(proto),
  });
  return proto;
};
