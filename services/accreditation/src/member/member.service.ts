import { Injectable, Optional } from '@nestjs/common';
import { accreditation, EVENT_TYPES, type verification } from '@ofm/contracts';
import { publishEvent } from '@ofm/messaging';
import { inCommand, inTransaction, recordAudit } from '@ofm/persistence';
import { canSeeMission, Clock, missionRestriction, normalizeUuid, systemClock } from '@ofm/kernel';
import { notFound, ruleViolated, type Actor } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { MissionEntity } from '../mission/mission.entity';
import { auditActor } from '../shared/audit-actor';
import { pageOf, paginate, parsePage } from '../shared/page.query';
import { normalizeIdCardNumber } from './id-card.rules';
import { MemberEntity } from './member.entity';
import { findMember, memberSnapshot, memberToProto, memberWithOpenItems, nextPid, openItemsOf } from './member.queries';
import { appointmentProblems, isLateNotification, MISSION_ID_REQUIRED, notifiedMissionId } from './notification.rules';
import { verificationOf } from './verification.rules';

// The requests reach this service checked against the rules their proto messages declare (the
// platform's GrpcRequestValidationInterceptor): what is left here is the domain.
@Injectable()
export class MemberService {
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
      const mission = await em.findOneBy(MissionEntity, { id: missionId });
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
      await recordAudit(em, {
        actor: auditActor(actor),
        action: 'member.notified',
        entityType: 'member',
        entityId: member.id,
        before: null,
        after: memberSnapshot(member),
      });
      await publishEvent(em, { type: EVENT_TYPES.memberNotified, subject: member.id, data: { member: proto } });
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

  async get(actor: Actor, id: string): Promise<accreditation.Member> {
    const member = await findMember(this.ds.manager, id);
    if (!member || !canSeeMission(actor, member.missionId)) throw notFound('member', id);
    return memberWithOpenItems(this.ds.manager, member);
  }

  async list(actor: Actor, request: accreditation.ListMembersRequest): Promise<accreditation.ListMembersResponse> {
    const page = parsePage(request.page);
    const missionId = normalizeUuid(request.missionId);
    // Asking for another mission's members is answered like asking for a mission that does not exist.
    if (missionId && !canSeeMission(actor, missionId)) throw notFound('mission', missionId);
    const restriction = missionRestriction(actor);
    if (restriction === null) return { members: [], nextCursor: '' };

    const qb = this.ds.manager.createQueryBuilder(MemberEntity, 'm');
    const scope = missionId || restriction;
    if (scope) qb.andWhere('m.mission_id = :scope', { scope });
    if (request.status) qb.andWhere('m.status = :status', { status: request.status });
    if (request.category) qb.andWhere('m.category = :category', { category: request.category });
    const { items, nextCursor } = pageOf(await paginate(qb, 'm', page).getMany(), page.limit);
    const openItems = await openItemsOf(
      this.ds.manager,
      items.filter((m) => m.status === 'terminated').map((m) => m.id),
    );
    return { members: items.map((m) => memberToProto(m, openItems.get(m.id))), nextCursor };
  }

  /**
   * Law-enforcement check of an ID card, decided here (verification.rules) so that every consumer
   * reads the same words. A card nobody holds answers `unknown`. Every check, found or not, is audited.
   */
  verifyIdCard(actor: Actor, idCardNumber: string): Promise<verification.Verification> {
    const number = normalizeIdCardNumber(idCardNumber);
    const now = this.clock.now();
    return inTransaction(this.ds, async (em) => {
      const member = await em.findOneBy(MemberEntity, { idCard: { number } });
      const mission = member ? await em.findOneBy(MissionEntity, { id: member.missionId }) : null;
      const answer = verificationOf(member ?? undefined, mission?.name, now);
      await recordAudit(em, {
        actor: auditActor(actor),
        action: 'id-card.verified',
        entityType: member ? 'member' : 'id-card',
        entityId: member?.id ?? number,
        before: null,
        after: member
          ? {
              idCardNumber: number,
              status: member.status,
              immunityLevel: member.immunityLevel,
              verification: answer.status,
            }
          : { idCardNumber: number, found: false },
      });
      return answer;
    });
  }
}
