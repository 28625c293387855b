import { Injectable } from '@nestjs/common';
import { accreditation, EVENT_TYPES } from '@ofm/contracts';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { missionNameOf } from '../mission/mission.queries';
import { expectVersion, inCommand } from '@ofm/persistence';
import { canSeeMission, normalizeUuid } from '@ofm/kernel';
import { conflict, notFound, type Actor, ruleViolated } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActor } from '../shared/audit-actor';
import { commitMemberChange } from '../member/member.commit';
import type { MemberEntity } from '../member/member.entity';
import { findMember, lockDependents, memberSnapshot, memberToProto } from '../member/member.queries';
import { OpenItemEntity } from '../member/open-item.entity';
import { dependentsToTerminate, documentsToReturn, immunityEndsOn, terminationProblems } from './termination.rules';

type Termination = Pick<
  accreditation.TerminateMemberRequest,
  'effectiveDate' | 'reason' | 'departureDate' | 'departureExtensionRequested'
>;

@Injectable()
export class TerminateMemberService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Notification of termination. Terminating a principal terminates its dependents in the same
   * transaction; each of them gets its own audit record and memberTerminated (with principalId).
   */
  async terminate(actor: Actor, request: accreditation.TerminateMemberRequest): Promise<accreditation.Member> {
    const id = normalizeUuid(request.id);

    return inCommand(this.ds, async (em) => {
      const unlocked = await findMember(em, id);
      if (!unlocked || !canSeeMission(actor, unlocked.missionId)) throw notFound('member', request.id);
      // Principal before dependent, as every writer does (see member.queries.ts).
      if (unlocked.principalId) await findMember(em, unlocked.principalId, 'pessimistic_read');
      const member = (await findMember(em, id, 'pessimistic_write'))!;
      expectVersion(member.version, request.expectedVersion);
      if (member.status === 'terminated') throw conflict(`Member ${member.id} is already terminated`);
      const problems = terminationProblems(request, member.arrivalDate);
      if (problems.length)
        throw ruleViolated('termination-dates', 'The termination breaks a rule of its dates', problems);

      const openItems = await this.end(em, actor, member, request, '');
      if (member.category !== 'dependent') {
        const cascade = { ...request, reason: `Principal's appointment terminated: ${request.reason}` };
        for (const dependent of dependentsToTerminate(await lockDependents(em, member.id))) {
          await this.end(em, actor, dependent, cascade, member.id);
        }
      }
      return memberToProto(member, openItems);
    });
  }

  // Public for the closure of a mission (mission/mission-status.service.ts), which ends each member in its transaction.
  async end(
    em: EntityManager,
    actor: Actor,
    member: MemberEntity,
    t: Termination,
    principalId: string,
  ): Promise<OpenItemEntity[]> {
    const before = memberSnapshot(member);
    member.status = 'terminated';
    member.terminationEffectiveDate = t.effectiveDate;
    member.terminationReason = t.reason;
    member.departureDate = t.departureDate ?? null;
    // The principal's extension covers the dependents too: the cascade passes the same request.
    member.departureExtensionRequested = t.departureExtensionRequested;
    member.immunityEndsOn = immunityEndsOn(t.effectiveDate, t.departureDate, t.departureExtensionRequested);
    const now = new Date();
    // The documents to return are opened first: the member's save, its audit record and memberTerminated,
    // which all carry them, are one step (commitMemberChange).
    const openItems = documentsToReturn(member, t.effectiveDate, t.departureExtensionRequested).map((item) =>
      em.create(OpenItemEntity, { id: randomUUID(), memberId: member.id, ...item, status: 'open', createdAt: now }),
    );
    for (const item of openItems) await em.insert(OpenItemEntity, item);
    await commitMemberChange(em, member, {
      actor: auditActor(actor),
      before,
      action: 'member.terminated',
      reason: t.reason,
      now,
      openItems,
      events: async (proto) => [
        { type: EVENT_TYPES.memberTerminated, subject: member.id, data: { member: proto, principalId } },
        ...lawEnforcementNotices('terminated', [member], await missionNameOf(em, member.missionId), now),
      ],
    });
    return openItems;
  }
}
