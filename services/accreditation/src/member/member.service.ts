import { Injectable } from '@nestjs/common';
import { accreditation, EVENT_TYPES } from '@ofm/contracts';
import { publishEvent } from '@ofm/messaging';
import { inTransaction, recordAudit } from '@ofm/persistence';
import { canSeeMission, notFound, ruleViolated, validationFailed, type Actor } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { MissionEntity } from '../mission/mission.entity';
import { auditActor, missionRestriction } from '../shared/actor-scope';
import { todayIso } from '../shared/calendar.util';
import { paginate } from '../shared/page.query';
import { pageOf, parsePage } from '../shared/pagination.util';
import { FieldErrors } from '../shared/validation.util';
import { MemberEntity } from './member.entity';
import { guidanceToProto, memberToProto } from './member.mapper';
import { MEMBER_CATEGORIES, MEMBER_STATUSES } from './member.model';
import { findMember, memberSnapshot, memberWithOpenItems, nextPid, openItemsOf } from './member.queries';
import { validateAppointment, type Appointment } from './member-request.rules';
import { isLateNotification } from './notification.rules';
import { verificationOf } from './verification.rules';

/** The answer of VerifyIdCard and VerifyMember (same fields). */
export interface MemberVerification {
  member: accreditation.Member;
  missionName: string;
  status: string;
  guidance: accreditation.LawEnforcementGuidance | undefined;
}

// What is looked up and how the audit names it.
type VerificationLookup = { kind: 'id-card'; idCardNumber: string } | { kind: 'member'; memberId: string };

@Injectable()
export class MemberService {
  constructor(private readonly ds: DataSource) {}

  /** Notification of appointment: records the person as `notified`; accreditation is decided later. */
  async notify(actor: Actor, request: accreditation.NotifyAppointmentRequest): Promise<accreditation.Member> {
    const today = todayIso();
    const checked = validateAppointment(request, today);
    if (!checked.ok) throw validationFailed(checked.errors);
    const a = checked.value;
    return inTransaction(this.ds, async (em) => {
      const mission = await em.findOneBy(MissionEntity, { id: a.missionId });
      if (!mission || !canSeeMission(actor, mission.id)) throw notFound('mission', a.missionId);
      if (mission.status !== 'active') {
        throw ruleViolated(
          'mission-active',
          `Mission ${mission.id} is ${mission.status}: it cannot notify appointments`,
        );
      }
      if (a.category === 'dependent') await this.checkPrincipal(em, a);

      const now = new Date();
      const member = em.create(MemberEntity, {
        ...this.personOf(a),
        id: randomUUID(),
        pid: await nextPid(em),
        missionCountry: mission.country,
        status: 'notified',
        notifiedOn: today,
        lateNotification: isLateNotification(a, today),
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
  private async checkPrincipal(em: EntityManager, a: Appointment): Promise<void> {
    const principal = await findMember(em, a.principalId, 'pessimistic_read');
    const problem =
      !principal || principal.missionId !== a.missionId
        ? 'must be a member of the same mission'
        : principal.category === 'dependent'
          ? 'must be a principal, not a dependent'
          : principal.status === 'terminated'
            ? 'names a member whose appointment is terminated'
            : undefined;
    if (problem) throw validationFailed([{ field: 'principalId', message: problem }]);
  }

  private personOf(a: Appointment): Partial<MemberEntity> {
    return {
      missionId: a.missionId,
      givenName: a.givenName,
      familyName: a.familyName,
      dateOfBirth: a.dateOfBirth,
      nationality: a.nationality,
      category: a.category,
      title: a.title,
      visaClass: a.visaClass,
      passportType: a.passportType,
      arrivalDate: a.arrivalDate,
      expectedDepartureDate: a.expectedDepartureDate || null,
      usCitizenOrPermanentResident: !!a.usCitizenOrPermanentResident,
      weeklyHours: a.weeklyHours,
      transferPolicyAttested: !!a.transferPolicyAttested,
      residesInWashingtonMetro: !!a.residesInWashingtonMetro,
      commercialActivity: !!a.commercialActivity,
      pendingSeriousCharge: !!a.pendingSeriousCharge,
      principalId: a.principalId || null,
      relationship: a.relationship || null,
      fullTimeStudent: !!a.fullTimeStudent,
      disabled: !!a.disabled,
    };
  }

  async get(actor: Actor, id: string): Promise<accreditation.Member> {
    const member = await findMember(this.ds.manager, id);
    if (!member || !canSeeMission(actor, member.missionId)) throw notFound('member', id);
    return memberWithOpenItems(this.ds.manager, member);
  }

  async list(actor: Actor, request: accreditation.ListMembersRequest): Promise<accreditation.ListMembersResponse> {
    const page = parsePage(request.page ?? undefined);
    const missionId = request.missionId?.trim().toLowerCase() ?? '';
    const e = new FieldErrors();
    if (Array.isArray(page)) page.forEach((x) => e.add(x.field, x.message));
    e.uuid('missionId', missionId, { required: false })
      .oneOf('status', request.status, MEMBER_STATUSES, { required: false })
      .oneOf('category', request.category, MEMBER_CATEGORIES, { required: false });
    if (!e.ok || Array.isArray(page)) throw validationFailed(e.errors);

    const restriction = missionRestriction(actor);
    // Asking for another mission's members is answered like asking for a mission that does not exist.
    if (missionId && !canSeeMission(actor, missionId)) throw notFound('mission', missionId);
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

  /** Law-enforcement check of an ID card; every lookup, found or not, is audited (committed even when not found). */
  verifyIdCard(actor: Actor, number: string): Promise<MemberVerification> {
    if (!number) throw validationFailed([{ field: 'idCardNumber', message: 'is required' }]);
    return this.verify(actor, { kind: 'id-card', idCardNumber: number });
  }

  /**
   * Law-enforcement check of a member found by other means (the owner of a verified plate): the same
   * answer as an ID card check, audited the same way.
   */
  verifyMember(actor: Actor, memberId: string): Promise<MemberVerification> {
    const e = new FieldErrors().uuid('memberId', memberId);
    if (!e.ok) throw validationFailed(e.errors);
    return this.verify(actor, { kind: 'member', memberId: memberId.toLowerCase() });
  }

  // Status and guidance are decided here (verification.rules), so every consumer reads the same words.
  private async verify(actor: Actor, lookup: VerificationLookup): Promise<MemberVerification> {
    const today = todayIso();
    const byCard = lookup.kind === 'id-card';
    const key = byCard ? lookup.idCardNumber : lookup.memberId;
    const query = byCard ? { idCardNumber: key } : { memberId: key };
    const audit = (em: EntityManager, entity: { type: string; id: string }, after: object) =>
      recordAudit(em, {
        actor: auditActor(actor),
        action: byCard ? 'id-card.verified' : 'member.verified',
        entityType: entity.type,
        entityId: entity.id,
        before: null,
        after,
      });
    const found = await inTransaction(this.ds, async (em) => {
      const member = byCard ? await em.findOneBy(MemberEntity, { idCardNumber: key }) : await findMember(em, key);
      if (!member) {
        await audit(em, { type: byCard ? 'id-card' : 'member', id: key }, { ...query, found: false });
        return undefined;
      }
      const mission = await em.findOneBy(MissionEntity, { id: member.missionId });
      const { status, guidance } = verificationOf(member, today);
      await audit(
        em,
        { type: 'member', id: member.id },
        {
          ...query,
          status: member.status,
          immunityLevel: member.immunityLevel,
          verification: status,
        },
      );
      return {
        member: await memberWithOpenItems(em, member),
        missionName: mission?.name ?? '',
        status,
        guidance: guidance ? guidanceToProto(guidance) : undefined,
      };
    });
    // The audit of a miss must survive the NOT_FOUND, so the miss is answered after the commit.
    if (!found) throw notFound(byCard ? 'ID card' : 'member', key);
    return found;
  }
}
