import { Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES, missions, type MissionStatus } from '@ofm/contracts';
import { Clock, normalizeUuid, systemClock } from '@ofm/kernel';
import { expectVersion, inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberEntity } from '../member/member.entity';
import { TerminateMemberService } from '../terminate-member/terminate-member.service';
import { auditActor } from '../shared/audit-actor';
import { commitMissionChange, missionSnapshot } from '../mission/mission.commit';
import { MissionEntity } from '../mission/mission.entity';
import { closureEffectiveDate, closureTerminations, decideStatusChange } from './mission-status.rules';

// OFM suspends, reactivates or closes a mission (only officers reach this: the controller's roles).
// The mission, each member a closure ends and every audit record and event commit together.
@Injectable()
export class MissionStatusService {
  constructor(
    private readonly ds: DataSource,
    private readonly terminations: TerminateMemberService,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async change(actor: Actor, request: missions.ChangeMissionStatusRequest): Promise<missions.Mission> {
    const id = normalizeUuid(request.id);
    return inCommand(this.ds, async (em) => {
      // Locked first: a notification reads the mission's status in its own transaction, and one
      // that committed before this lock is among the members a closure ends.
      const mission = await em.findOne(MissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mission) throw notFound('mission', request.id);
      expectVersion(mission.version, request.expectedVersion);
      const previous = mission.status;
      const decision = decideStatusChange(previous, request.status as MissionStatus);
      if (!decision.ok) throw ruleViolated('mission-status-transition', decision.message);

      const before = missionSnapshot(mission);
      mission.status = request.status as MissionStatus;
      const now = this.clock.now();
      // The members a closure ends are committed before the mission, as they always were: their audit
      // records come first, the mission's (and missionStatusChanged) last.
      if (decision.change === 'closed') await this.endMembers(em, actor, mission, request.reason);
      return commitMissionChange(em, mission, {
        actor: auditActor(actor),
        before,
        action: `mission.${decision.change}`,
        reason: request.reason,
        now,
        events: (proto) => [
          {
            type: EVENT_TYPES.missionStatusChanged,
            subject: mission.id,
            data: { mission: proto, previousStatus: previous, reason: request.reason },
          },
        ],
      });
    });
  }

  // Through the termination's own code path (TerminateMemberService.end): each member gets the audit
  // record, open items and memberTerminated a notification of termination gives.
  private async endMembers(em: EntityManager, actor: Actor, mission: MissionEntity, reason: string): Promise<void> {
    const closedOn = this.clock.today();
    // Principals before dependents, the order every writer locks members in (member.queries.ts).
    const members = await em
      .createQueryBuilder(MemberEntity, 'm')
      .where('m.missionId = :id', { id: mission.id })
      .andWhere('m.status IN (:...open)', { open: ['notified', 'accredited'] })
      .orderBy(`CASE WHEN m.category = 'dependent' THEN 1 ELSE 0 END`)
      .addOrderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    for (const { member, principalId } of closureTerminations(members)) {
      const termination = accreditation.TerminateMemberRequest.fromPartial({
        id: member.id,
        effectiveDate: closureEffectiveDate(closedOn, member.arrivalDate),
        reason: principalId
          ? `Principal's appointment terminated: Mission closed: ${reason}`
          : `Mission closed: ${reason}`,
      });
      await this.terminations.end(em, actor, member, termination, principalId);
    }
  }
}
