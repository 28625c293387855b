import { accreditation } from '@ofm/contracts';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../shared/validation.util';
import { MemberEntity } from './member.entity';
import { memberToProto } from './member.mapper';
import { formatPid } from './pid.rules';

// Lock modes: a writer takes the member FOR UPDATE; the principal of a dependent is taken FOR
// SHARE first (principal before dependent, always), so that accrediting or notifying a dependent
// and terminating its principal serialize instead of deadlocking, and the cascade of a principal's
// termination sees every dependent committed before it.
export type RowLock = 'pessimistic_write' | 'pessimistic_read';

export const findMember = (em: EntityManager, id: string, lock?: RowLock): Promise<MemberEntity | null> =>
  isUuid(id)
    ? em.findOne(MemberEntity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) })
    : Promise.resolve(null);

export const lockDependents = (em: EntityManager, principalId: string): Promise<MemberEntity[]> =>
  em.find(MemberEntity, { where: { principalId }, order: { createdAt: 'ASC' }, lock: { mode: 'pessimistic_write' } });

const nextval = async (em: EntityManager, sequence: string): Promise<string> => {
  const [row] = (await em.query(`SELECT nextval('${sequence}')::text AS value`)) as { value: string }[];
  return row.value;
};

export const nextPid = async (em: EntityManager): Promise<string> => formatPid(await nextval(em, 'member_pid_seq'));
export const nextIdCardSequence = (em: EntityManager): Promise<string> => nextval(em, 'id_card_number_seq');

/** The audit's before/after: the proto3 JSON of the member, as consumers see it. */
export const memberSnapshot = (m: MemberEntity): unknown => accreditation.Member.toJSON(memberToProto(m));
