import { Injectable, Optional } from '@nestjs/common';
import { flagRaised } from '@ofm/compliance';
import { accreditation, EVENT_TYPES } from '@ofm/contracts';
import { canSeeMission, Clock, systemClock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inCommand } from '@ofm/persistence';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { MemberEntity } from '../member/member.entity';
import { findMember, memberSnapshot, memberToProto, nextPid } from '../member/member.queries';
import type { MissionEntity } from '../mission/mission.entity';
import { auditActor } from '../shared/audit-actor';
import {
  appointmentProblems,
  isLateNotification,
  lateNotificationFlag,
  MISSION_ID_REQUIRED,
  notifiedMissionId,
} from './notification.rules';

// What a notification needs of its mission, read as three columns rather than the whole entity through
// TypeORM's query builder, which cost more CPU than the query on this, the busiest write
// (docs/operations/write-path.md).
const MISSION = 'SELECT id, country, status FROM mission WHERE id = $1';
const notifyingMission = async (
  em: EntityManager,
  id: string,
): Promise<Pick<MissionEntity, 'id' | 'country' | 'status'> | undefined> =>
  ((await em.query(MISSION, [id])) as Pick<MissionEntity, 'id' | 'country' | 'status'>[])[0];

// The request reaches this service checked against the rules its proto message declares (the
// platform's GrpcRequestValidationInterceptor): what is left here is the domain.
@Injectable()
export class NotifyAppointmentService {
  constructor(
    private readonly ds: DataSource,
    // OFM's day and time; the system clock unless the module provides another (a test's).
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  /** Notification of appointment: records the person as `notified`; accreditation is decided later. */
  async notify(actor: Actor, request: accreditation.NotifyAppointmentRequest): Promise<accreditation.Member> {
    const today = this.clock.today();
    const missionId = notifiedMissionId(request.missionId, actor);
    const problems = [...(missionId ? [] : [MISSION_ID_REQUIRED]), ...appointmentProblems(request, today)];
    if (problems.length)
      throw ruleViolated('appointment-facts', 'The notification breaks a rule of appointments', problems);
    return inCommand(this.ds, async (em) => {
      const mission = await notifyingMission(em, missionId!);
      if (!mission || !canSeeMission(actor, mission.id)) throw notFound('mission', missionId!);
      if (mission.status !== 'active') {
        throw ruleViolated(
          'mission-active',
          `Mission ${mission.id} is ${mission.status}: it cannot notify appointments`,
        );
      }
      if (request.principalId) await this.checkPrincipal(em, request.principalId, mission.id);

      const now = this.clock.now();
      // The request's fields are the member's (same names; the interceptor checked their words).
      const member = em.create(MemberEntity, {
        ...(request as DeepPartial<MemberEntity>),
        id: randomUUID(),
        pid: await nextPid(em),
        missionId: mission.id,
        missionCountry: mission.country,
        status: 'notified',
        notifiedOn: today,
        lateNotification: isLateNotification(request, today),
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MemberEntity, member);
      const proto = memberToProto(member);
      // A late notification is accepted, and flagged in the same commit (DOMAIN.md).
      const lateFlag = member.lateNotification ? lateNotificationFlag(member, today, now) : undefined;
      await commitChange(em, {
        actor: auditActor(actor),
        action: 'member.notified',
        entity: { type: 'member', id: member.id },
        before: null,
        after: memberSnapshot(member),
        events: [
          { type: EVENT_TYPES.memberNotified, subject: member.id, data: { member: proto } },
          ...(lateFlag ? [flagRaised(lateFlag)] : []),
        ],
      });
      return proto;
    });
  }

  // A dependent's principal must be a principal of the same mission whose appointment still runs.
  // Taken FOR SHARE so that a concurrent termination of the principal waits for this notification
  // and then terminates the new dependent too.
  private async checkPrincipal(em: EntityManager, principalId: string, missionId: string): Promise<void> {
    const principal = await findMember(em, principalId, 'pessimistic_read');
    const problem =
      !principal || principal.missionId !== missionId
        ? 'principalId must be a member of the same mission'
        : principal.category === 'dependent'
          ? 'principalId must be a principal, not a dependent'
          : principal.status === 'terminated'
            ? 'principalId names a member whose appointment is terminated'
            : undefined;
    if (problem) throw ruleViolated('dependent-principal', problem, [{ field: 'principalId', message: problem }]);
  }
}
