import { canSeeMission, normalizeUuid } from '@ofm/kernel';
import { conflict, notFound, type Actor } from '@ofm/platform';
import { expectVersion } from '@ofm/persistence';
import type { EntityManager } from 'typeorm';
import type { MemberEntity } from './member.entity';
import { findMember } from './member.queries';

/**
 * The member a command changes, locked as every writer locks (principal FOR SHARE before dependent
 * FOR UPDATE, see member.queries.ts), checked against If-Match; another mission's member is not
 * found, a terminated one conflicts (an appointment that ended changes no more).
 */
export const lockMemberForCommand = async (
  em: EntityManager,
  actor: Actor,
  requestedId: string,
  expectedVersion: number,
): Promise<{ member: MemberEntity; principal: MemberEntity | null }> => {
  const id = normalizeUuid(requestedId);
  const unlocked = await findMember(em, id);
  if (!unlocked || !canSeeMission(actor, unlocked.missionId)) throw notFound('member', requestedId);
  const principal = unlocked.principalId ? await findMember(em, unlocked.principalId, 'pessimistic_read') : null;
  const member = (await findMember(em, id, 'pessimistic_write'))!;
  expectVersion(member.version, expectedVersion);
  if (member.status === 'terminated') throw conflict(`Member ${member.id} is terminated`);
  return { member, principal };
};
