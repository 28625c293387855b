import { Inject, Injectable } from '@nestjs/common';
import { EVENT_TYPES, missions } from '@ofm/contracts';
import { commitChange } from '@ofm/messaging';
import { inCommand } from '@ofm/persistence';
import { canSeeMission, missionRestriction, ofmDay } from '@ofm/kernel';
import { notFound, type Actor, ruleViolated } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type DeepPartial } from 'typeorm';
import { ACCREDITATION_SETTINGS, type AccreditationSettings } from '../accreditation.settings';
import { firstDueOn } from './recertification-due.rules';
import { auditActor } from '../shared/audit-actor';
import { pageOf, paginate, parsePage } from '../shared/page.query';
import { MissionEntity } from './mission.entity';
import { missionToProto } from './mission.queries';
import { decideRegistration } from './mission.rules';

// The requests reach this service checked against the rules their proto messages declare (the
// platform's GrpcRequestValidationInterceptor): what is left here is the domain.
@Injectable()
export class MissionService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ACCREDITATION_SETTINGS) private readonly settings: AccreditationSettings,
  ) {}

  async register(actor: Actor, request: missions.RegisterMissionRequest): Promise<missions.Mission> {
    const decision = decideRegistration(request);
    if (!decision.ok)
      throw ruleViolated('mission-registration', 'The mission breaks a rule of registration', decision.errors);
    return inCommand(this.ds, async (em) => {
      const now = new Date();
      // The request's fields are the mission's (same names; the interceptor checked their words).
      const mission = em.create(MissionEntity, {
        ...(request as DeepPartial<MissionEntity>),
        id: randomUUID(),
        status: 'active',
        regionalOffice: decision.regionalOffice,
        // A new mission first confirms its staff list one cycle after registration.
        recertification: {
          lastConfirmedOn: null,
          lastConfirmedBy: null,
          dueOn: firstDueOn(ofmDay(now), this.settings.recertificationCycleDays),
        },
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MissionEntity, mission);
      const proto = missionToProto(mission);
      await commitChange(em, {
        actor: auditActor(actor),
        action: 'mission.registered',
        entity: { type: 'mission', id: mission.id },
        before: null,
        after: missions.Mission.toJSON(proto),
        events: [{ type: EVENT_TYPES.missionRegistered, subject: mission.id, data: { mission: proto } }],
      });
      return proto;
    });
  }

  /** The mission if it exists and the actor may see it; a mission user asking for another gets not-found. */
  async get(actor: Actor, id: string): Promise<missions.Mission> {
    const found = await this.ds.manager.findOneBy(MissionEntity, { id });
    if (!found || !canSeeMission(actor, found.id)) throw notFound('mission', id);
    return missionToProto(found);
  }

  // A mission user's list holds its own mission (if it matches the filters), paged like any other.
  async list(actor: Actor, request: missions.ListMissionsRequest): Promise<missions.ListMissionsResponse> {
    const page = parsePage(request.page);
    const restriction = missionRestriction(actor);
    if (restriction === null) return { missions: [], nextCursor: '' };

    const qb = this.ds.manager.createQueryBuilder(MissionEntity, 'm');
    if (restriction) qb.andWhere('m.id = :own', { own: restriction });
    if (request.country) qb.andWhere('m.country = :country', { country: request.country });
    if (request.type) qb.andWhere('m.type = :type', { type: request.type });
    if (request.status) qb.andWhere('m.status = :status', { status: request.status });
    const { items, nextCursor } = pageOf(await paginate(qb, 'm', page).getMany(), page.limit);
    return { missions: items.map(missionToProto), nextCursor };
  }
}
