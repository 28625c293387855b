import { Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { missionNameOf } from '../mission/mission.queries';
import { lawEnforcementNotices } from '../partner/law-enforcement.notice';
import { inCommand } from '@ofm/persistence';
import { ruleViolated, type Actor } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { commitMemberChange } from '../member/member.commit';
import { MemberEntity } from '../member/member.entity';
import { lockMemberForCommand } from '../member/member.lock';
import { lockDependents, memberSnapshot, memberToProto } from '../member/member.queries';
import { OpenItemEntity } from '../member/open-item.entity';
import { auditActor } from '../shared/audit-actor';
import { documentsToReturn } from '../terminate-member/termination.rules';
import { promotedFacts, promotionProblems, promotionTermination, PROMOTION_REASON } from './promotion.rules';

@Injectable()
export class PromoteMemberService {
  constructor(
    private readonly ds: DataSource,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  /**
   * A promotion, in one transaction: the current appointment is terminated (reason "promotion",
   * immunity until the new appointment starts), the new one is notified for the same person (same
   * pid, previousAppointmentId), and the dependents move to it. The old ID card is an open item,
   * due when the new appointment starts; the new appointment is accredited as any other.
   */
  async promote(actor: Actor, request: accreditation.PromoteMemberRequest): Promise<accreditation.Member> {
    return inCommand(this.ds, async (em) => {
      const { member: previous } = await lockMemberForCommand(em, actor, request.id, request.expectedVersion);
      const problems = promotionProblems(previous, request);
      if (problems.length) throw ruleViolated('promotion', 'The promotion breaks a rule', problems);
      const today = this.clock.today();
      const now = this.clock.now();

      const beforePrevious = memberSnapshot(previous);
      Object.assign(previous, promotionTermination(request.startsOn), {
        status: 'terminated',
        version: previous.version + 1,
        updatedAt: now,
      });
      // Saved before the new row is inserted: the pid is unique among running appointments only.
      await em.save(previous);
      const openItems = documentsToReturn(previous, request.startsOn).map((item) =>
        em.create(OpenItemEntity, {
          id: randomUUID(),
          memberId: previous.id,
          ...item,
          dueOn: request.startsOn,
          status: 'open',
          createdAt: now,
        }),
      );
      for (const item of openItems) await em.insert(OpenItemEntity, item);

      const promoted = em.create(MemberEntity, {
        ...promotedFacts(previous, request),
        id: randomUUID(),
        status: 'notified',
        notifiedOn: today,
        // The person is already in the U.S. and known to OFM: the new appointment is notified on time by definition.
        lateNotification: false,
        departureExtensionRequested: false,
        idCard: { number: null, color: null, expiresOn: null },
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MemberEntity, promoted);
      const previousProto = memberToProto(previous, openItems);
      const proto = memberToProto(promoted);
      await commitChange(em, {
        actor: auditActor(actor),
        action: 'member.promoted',
        entity: { type: 'member', id: promoted.id },
        before: beforePrevious,
        after: memberSnapshot(promoted),
        reason: `${PROMOTION_REASON}: ${previous.category} to ${promoted.category}, replaces ${previous.id}`,
        events: [
          {
            type: EVENT_TYPES.memberPromoted,
            subject: promoted.id,
            data: { member: proto, previousMember: previousProto },
          },
          // The old card ends with the old appointment; the new one is announced when it is accredited.
          ...lawEnforcementNotices('terminated', [previous], await missionNameOf(em, previous.missionId), now),
        ],
      });

      for (const dependent of await lockDependents(em, previous.id)) {
        if (dependent.status === 'terminated') continue;
        const before = memberSnapshot(dependent);
        dependent.principalId = promoted.id;
        await commitMemberChange(em, dependent, {
          actor: auditActor(actor),
          before,
          action: 'member.changed',
          reason: `principal promoted: ${previous.id} to ${promoted.id}`,
          now,
          events: (member) => [
            {
              type: EVENT_TYPES.memberChanged,
              subject: dependent.id,
              data: { member, changedFields: ['principalId'] },
            },
          ],
        });
      }
      return proto;
    });
  }
}
