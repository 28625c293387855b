import { Injectable, Optional } from '@nestjs/common';
import { flagRaised, raiseFlag } from '@ofm/compliance';
import { EVENT_TYPES, travel, type TravelPurpose, type TravelStatus } from '@ofm/contracts';
import { canSeeMission, Clock, missionRestriction, normalizeUuid, ofmDay, systemClock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { expectVersion, inCommand } from '@ofm/persistence';
import { conflict, forbidden, notFound, ruleViolated, type Actor } from '@ofm/platform';
import { travelControlsFor } from '@ofm/reciprocity';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MemberEntity } from '../member/member.entity';
import { MissionEntity } from '../mission/mission.entity';
import { ReciprocityProfiles } from '../reciprocity/reciprocity-profiles';
import { auditActor } from '../shared/audit-actor';
import { toMessage } from '../shared/message.util';
import { pageOf, paginate, parsePage } from '../shared/page.query';
import { TravelNotificationEntity } from './travel-notification.entity';
import { checkDates, decide, initialStatus, leadTimeMet, travelFlag, travelRequirement } from './travel.rules';

const toProto = (n: TravelNotificationEntity): travel.TravelNotification => toMessage(travel.TravelNotification, n);

const isOfficer = (actor: Actor) => actor.roles.includes('ofm-officer') || actor.roles.includes('ofm-admin');

// Travel notifications: the notification, its compliance flag, the audit record and the event
// commit together (the outbox), so a late notice is never stored without its flag or the reverse.
@Injectable()
export class TravelNotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly profiles: ReciprocityProfiles,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  async submit(actor: Actor, request: travel.SubmitTravelNotificationRequest): Promise<travel.TravelNotification> {
    if (request.reportedByOfficer && !isOfficer(actor))
      throw forbidden('Only an OFM officer records a trip made without notice');
    const departsAt = new Date(request.departsAt);
    const returnsAt = new Date(request.returnsAt);
    const now = this.clock.now();
    const dates = checkDates(departsAt, returnsAt, now, request.reportedByOfficer);
    if (!dates.ok) throw ruleViolated('travel-dates', dates.message, [{ field: dates.field, message: dates.message }]);
    const memberId = normalizeUuid(request.memberId);
    return inCommand(this.ds, async (em) => {
      const member = await em.findOneBy(MemberEntity, { id: memberId });
      // Another mission's member does not exist for a mission user.
      if (!member || !canSeeMission(actor, member.missionId)) throw notFound('member', request.memberId);
      if (!request.reportedByOfficer && (member.status === 'refused' || member.status === 'terminated'))
        throw ruleViolated(
          'travel-member-active',
          `The member is ${member.status}: only serving members notify travel`,
        );
      const mission = await em.findOneByOrFail(MissionEntity, { id: member.missionId });
      // The profile in force on the departure day decides, whatever it is when the notice is given.
      const profile = await this.profiles.inForce(member.missionCountry, ofmDay(departsAt), em);
      const controls = travelControlsFor(profile, { missionType: mission.type, category: member.category });
      const purpose = request.purpose as TravelPurpose;
      const requirement = travelRequirement(controls, request.destination!, purpose);
      const inTime = leadTimeMet(now, departsAt, controls.leadTimeHours, requirement.noticeRequired);
      const code = travelFlag({
        reportedByOfficer: request.reportedByOfficer,
        noticeRequired: requirement.noticeRequired,
        leadTimeMet: inTime,
      });
      const id = randomUUID();
      const row = em.create(TravelNotificationEntity, {
        id,
        memberId: member.id,
        missionId: member.missionId,
        destination: { ...request.destination! },
        departsAt,
        returnsAt,
        purpose,
        purposeDetail: request.purposeDetail ?? null,
        // An officer's report of a trip already made is a record, never a request for approval.
        status: request.reportedByOfficer ? 'noted' : initialStatus(requirement),
        noticeRequired: requirement.noticeRequired,
        approvalRequired: requirement.approvalRequired,
        leadTimeMet: inTime,
        reportedByOfficer: request.reportedByOfficer,
        distanceMiles: requirement.distanceMiles,
        centre: { ...requirement.centre },
        travelControls: controls.controls,
        radiusMiles: controls.radiusMiles,
        leadTimeHours: controls.leadTimeHours,
        profileCountry: controls.country,
        profileVersion: controls.profileVersion,
        submittedAt: now,
        decisionReason: null,
        decidedBy: null,
        decidedAt: null,
        flagCodes: code ? [code] : [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(TravelNotificationEntity, row);
      const proto = toProto(row);
      const flag = code
        ? raiseFlag({
            code,
            raisedBy: 'accreditation',
            missionId: member.missionId,
            memberId: member.id,
            subjectType: 'member',
            subjectId: member.id,
            detail: `Travel notification ${id} to ${row.destination.name} (${row.distanceMiles} miles of ${row.centre.name}), departing ${request.departsAt}`,
            at: now,
          })
        : null;
      await commitChange(em, {
        actor: auditActor(actor),
        action: request.reportedByOfficer ? 'travel.reported' : 'travel.notified',
        entity: { type: 'travel-notification', id },
        before: null,
        after: travel.TravelNotification.toJSON(proto),
        events: [
          { type: EVENT_TYPES.travelNotified, subject: id, data: { notification: proto } },
          ...(flag ? [flagRaised(flag)] : []),
        ],
      });
      return proto;
    });
  }

  async decide(actor: Actor, request: travel.DecideTravelNotificationRequest): Promise<travel.TravelNotification> {
    const id = normalizeUuid(request.id);
    return inCommand(this.ds, async (em) => {
      const row = await em.findOne(TravelNotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('travel notification', request.id);
      expectVersion(row.version, request.expectedVersion);
      const decision = decide(row.status, request.decision as 'approve' | 'deny');
      if (!decision.ok) throw conflict(decision.message);
      const before = travel.TravelNotification.toJSON(toProto(row));
      const now = this.clock.now();
      row.status = decision.status;
      row.decisionReason = request.reason;
      row.decidedBy = actor.subject;
      row.decidedAt = now;
      row.version += 1;
      row.updatedAt = now;
      await em.save(row);
      const proto = toProto(row);
      await commitChange(em, {
        actor: auditActor(actor),
        action: `travel.${decision.status}`,
        entity: { type: 'travel-notification', id },
        before,
        after: travel.TravelNotification.toJSON(proto),
        reason: request.reason,
        events: [
          {
            type: decision.status === 'approved' ? EVENT_TYPES.travelApproved : EVENT_TYPES.travelDenied,
            subject: id,
            data: { notification: proto, reason: request.reason },
          },
        ],
      });
      return proto;
    });
  }

  /** The notification if it exists and the actor may see its mission; otherwise not-found. */
  async get(actor: Actor, rawId: string): Promise<travel.TravelNotification> {
    const id = normalizeUuid(rawId);
    const row = await this.ds.manager.findOneBy(TravelNotificationEntity, { id });
    if (!row || !canSeeMission(actor, row.missionId)) throw notFound('travel notification', rawId);
    return toProto(row);
  }

  // A mission user's list holds its own mission's notifications only, whatever missionId it asks.
  async list(
    actor: Actor,
    request: travel.ListTravelNotificationsRequest,
  ): Promise<travel.ListTravelNotificationsResponse> {
    const page = parsePage(request.page);
    const restriction = missionRestriction(actor);
    if (restriction === null) return { notifications: [], nextCursor: '' };
    const qb = this.ds.manager.createQueryBuilder(TravelNotificationEntity, 't');
    if (restriction) qb.andWhere('t.mission_id = :own', { own: restriction });
    if (request.missionId) qb.andWhere('t.mission_id = :mission', { mission: normalizeUuid(request.missionId) });
    if (request.memberId) qb.andWhere('t.member_id = :member', { member: normalizeUuid(request.memberId) });
    if (request.status) qb.andWhere('t.status = :status', { status: request.status as TravelStatus });
    const { items, nextCursor } = pageOf(await paginate(qb, 't', page).getMany(), page.limit);
    return { notifications: items.map(toProto), nextCursor };
  }
}
