import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, missions } from '@ofm/contracts';
import { publishEvent } from '@ofm/messaging';
import { inTransaction, recordAudit } from '@ofm/persistence';
import { canSeeMission, notFound, validationFailed, type Actor } from '@ofm/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditActor, missionRestriction } from '../shared/actor-scope';
import { paginate } from '../shared/page.query';
import { pageOf, parsePage } from '../shared/pagination.util';
import { FieldErrors, isUuid } from '../shared/validation.util';
import { MissionEntity } from './mission.entity';
import { missionToProto } from './mission.mapper';
import { MISSION_STATUSES, MISSION_TYPES } from './mission.model';
import { validateMissionRegistration } from './mission.rules';

@Injectable()
export class MissionService {
  constructor(private readonly ds: DataSource) {}

  async register(actor: Actor, request: missions.RegisterMissionRequest): Promise<missions.Mission> {
    const checked = validateMissionRegistration(request);
    if (!checked.ok) throw validationFailed(checked.errors);
    const r = checked.value;
    return inTransaction(this.ds, async (em) => {
      const now = new Date();
      const mission = em.create(MissionEntity, {
        id: randomUUID(),
        name: r.name,
        country: r.country,
        type: r.type,
        consularClass: r.consularClass || null,
        addressLine1: r.address.line1,
        addressCity: r.address.city,
        addressState: r.address.state,
        addressPostalCode: r.address.postalCode,
        locationLat: r.location.lat,
        locationLon: r.location.lon,
        consularDistrict: r.consularDistrict || null,
        status: 'active',
        regionalOffice: r.regionalOffice,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(MissionEntity, mission);
      const proto = missionToProto(mission);
      await recordAudit(em, {
        actor: auditActor(actor),
        action: 'mission.registered',
        entityType: 'mission',
        entityId: mission.id,
        before: null,
        after: missions.Mission.toJSON(proto),
      });
      await publishEvent(em, { type: EVENT_TYPES.missionRegistered, subject: mission.id, data: { mission: proto } });
      return proto;
    });
  }

  async get(actor: Actor, id: string): Promise<missions.Mission> {
    const mission = await this.findVisible(actor, id);
    return missionToProto(mission);
  }

  /** The mission if it exists and the actor may see it; a mission user asking for another gets not-found. */
  async findVisible(actor: Actor, id: string): Promise<MissionEntity> {
    const found = isUuid(id) ? await this.ds.manager.findOneBy(MissionEntity, { id }) : null;
    if (!found || !canSeeMission(actor, found.id)) throw notFound('mission', id);
    return found;
  }

  async list(actor: Actor, request: missions.ListMissionsRequest): Promise<missions.ListMissionsResponse> {
    const page = parsePage(request.page ?? undefined);
    const country = request.country?.trim().toUpperCase() ?? '';
    const e = new FieldErrors();
    if (Array.isArray(page)) page.forEach((x) => e.add(x.field, x.message));
    if (country) e.country('country', country);
    e.oneOf('type', request.type, MISSION_TYPES, { required: false }).oneOf(
      'status',
      request.status,
      MISSION_STATUSES,
      { required: false },
    );
    if (!e.ok || Array.isArray(page)) throw validationFailed(e.errors);

    const qb = this.ds.manager.createQueryBuilder(MissionEntity, 'm');
    const restriction = missionRestriction(actor);
    if (restriction === null) return { missions: [], nextCursor: '' };
    if (restriction) qb.andWhere('m.id = :own', { own: restriction });
    if (country) qb.andWhere('m.country = :country', { country });
    if (request.type) qb.andWhere('m.type = :type', { type: request.type });
    if (request.status) qb.andWhere('m.status = :status', { status: request.status });
    const { items, nextCursor } = pageOf(await paginate(qb, 'm', page).getMany(), page.limit);
    return { missions: items.map(missionToProto), nextCursor };
  }
}
