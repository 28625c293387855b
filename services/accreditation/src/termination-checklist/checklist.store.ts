import { flagCleared } from '@ofm/compliance';
import { EVENT_TYPES } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import type { EntityManager } from 'typeorm';
import type { MemberEntity } from '../member/member.entity';
import { memberSnapshot, memberToProto } from '../member/member.queries';
import { OpenItemEntity } from '../member/open-item.entity';
import { documentsReturnedClear, openItems } from './checklist.rules';
import { checklistOf } from '../member/member-checklist.entity';

// The checklist's rows of one member. Every writer holds the member FOR UPDATE first (as the
// commands of member.queries.ts do), so the items and the checklist row change under that lock.

export const itemsOf = (em: EntityManager, memberId: string): Promise<OpenItemEntity[]> =>
  em.find(OpenItemEntity, { where: { memberId }, order: { dueOn: 'ASC', document: 'ASC', reference: 'ASC' } });

export type ClosedBy = 'officer' | 'vehicle-disposed';

/**
 * Closes `item` of `member` as returned on `returnedOn`: audited, published as document-returned, and
 * — when it was the last open item — the member's documents-not-returned flag cleared in the same commit.
 */
export const closeItem = async (
  em: EntityManager,
  c: {
    member: MemberEntity;
    item: OpenItemEntity;
    returnedOn: IsoDay;
    closedBy: ClosedBy;
    actor: { subject: string; roles: readonly string[] };
    now: Date;
  },
): Promise<OpenItemEntity[]> => {
  const before = await itemsOf(em, c.member.id);
  c.item.status = 'returned';
  c.item.returnedOn = c.returnedOn;
  await em.update(OpenItemEntity, { id: c.item.id }, { status: 'returned', returnedOn: c.returnedOn });
  const after = before.map((i) => (i.id === c.item.id ? c.item : i));

  const checklist = await checklistOf(em, c.member.id);
  const cleared = openItems(after).length === 0 ? documentsReturnedClear(c.member, checklist, c.now) : undefined;
  if (cleared) {
    checklist.flagId = null;
    checklist.flagDetail = null;
    await em.save(checklist);
  }
  const member = memberToProto(c.member, after);
  await commitChange(em, {
    actor: c.actor,
    action: 'member.document-returned',
    entity: { type: 'member', id: c.member.id },
    before: memberSnapshot(c.member, before),
    after: memberSnapshot(c.member, after),
    reason: `${c.item.document} ${c.item.reference} returned on ${c.returnedOn} (${c.closedBy})`,
    events: [
      {
        type: EVENT_TYPES.documentReturned,
        subject: c.member.id,
        data: { member, item: after.find((i) => i.id === c.item.id)!, closedBy: c.closedBy },
      },
      ...(cleared ? [flagCleared(cleared, 'every document returned')] : []),
    ],
  });
  return after;
};
