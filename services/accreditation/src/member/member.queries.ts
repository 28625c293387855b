import { accreditation } from '@ofm/contracts';
import { In, type EntityManager } from 'typeorm';
import { toMessage } from '../shared/message.util';
import { MemberEntity } from './member.entity';
import { OpenItemEntity } from './open-item.entity';
import { formatPid } from './pid.rules';

/** The member as the API and its events answer it, with its open items (none before termination). */
export const memberToProto = (
  m: MemberEntity,
  openItems: readonly Pick<OpenItemEntity, 'document' | 'reference' | 'dueOn' | 'status'>[] = [],
): accreditation.Member => toMessage(accreditation.Member, { ...m, openItems });

// Lock modes: a writer takes the member FOR UPDATE; the principal of a dependent is taken FOR
// SHARE first (principal before dependent, always), so that accrediting or notifying a dependent
// and terminating its principal serialize instead of deadlocking, and the cascade of a principal's
// termination sees every dependent committed before it.
export type RowLock = 'pessimistic_write' | 'pessimistic_read';

export const findMember = (em: EntityManager, id: string, lock?: RowLock): Promise<MemberEntity | null> =>
  em.findOne(MemberEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });

export const lockDependents = (em: EntityManager, principalId: string): Promise<MemberEntity[]> =>
  em.find(MemberEntity, { where: { principalId }, order: { createdAt: 'ASC' }, lock: { mode: 'pessimistic_write' } });

const nextval = async (em: EntityManager, sequence: string): Promise<string> => {
  const [row] = (await em.query(`SELECT nextval('${sequence}')::text AS value`)) as { value: string }[];
  return row.value;
};

export const nextPid = async (em: EntityManager): Promise<string> => formatPid(await nextval(em, 'member_pid_seq'));
export const nextIdCardSequence = (em: EntityManager): Promise<string> => nextval(em, 'id_card_number_seq');

/** The open items (documents to return) of each member, in due order; members without any are absent. */
export const openItemsOf = async (
  em: EntityManager,
  memberIds: readonly string[],
): Promise<Map<string, OpenItemEntity[]>> => {
  const byMember = new Map<string, OpenItemEntity[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await em.find(OpenItemEntity, {
    where: { memberId: In([...memberIds]) },
    order: { dueOn: 'ASC', document: 'ASC', reference: 'ASC' },
  });
  for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
  return byMember;
};

/** The audit's before/after: the proto3 JSON of the member, as consumers see it. */
export const memberSnapshot = (m: MemberEntity, openItems: readonly OpenItemEntity[] = []): unknown =>
  accreditation.Member.toJSON(memberToProto(m, openItems));
