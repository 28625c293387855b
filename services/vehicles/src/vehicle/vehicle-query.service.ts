import { Injectable } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import { inTransaction, recordAudit } from '@ofm/persistence';
import { forbidden, notFound, validationFailed, type Actor } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { findMissionReplica } from '../replica/replica.repository';
import { requiredUuidErrors, uuidErrors } from '../shared/ids.rules';
import { encodeCursor, readPage } from '../shared/page.rules';
import { isPlate, normalizePlate } from './plate.rules';
import { VehicleEntity } from './vehicle.entity';
import { isRegistrationStatus, REGISTRATION_STATUSES } from './vehicle-kind';
import { visibleVehicle } from './vehicle-access';
import { toVehicleMessage } from './vehicle.mapper';

@Injectable()
export class VehicleQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async get(actor: Actor, id: string): Promise<vehicles.Vehicle> {
    const errors = requiredUuidErrors('id', id);
    if (errors.length > 0) throw validationFailed(errors);
    return toVehicleMessage(await visibleVehicle(this.dataSource.manager, actor, id));
  }

  async list(actor: Actor, request: vehicles.ListVehiclesRequest): Promise<vehicles.ListVehiclesResponse> {
    const page = readPage(request.page);
    const errors = [
      ...(page.ok ? [] : page.errors),
      ...uuidErrors({ missionId: request.missionId, ownerMemberId: request.ownerMemberId }),
      ...(request.status && !isRegistrationStatus(request.status)
        ? [{ field: 'status', message: `must be one of ${REGISTRATION_STATUSES.join(', ')}` }]
        : []),
    ];
    if (!page.ok || errors.length > 0) throw validationFailed(errors);
    const missionId = this.missionScope(actor, request.missionId);

    const query = this.dataSource.manager
      .createQueryBuilder(VehicleEntity, 'v')
      .orderBy('v.seq', 'ASC')
      .take(page.limit + 1);
    if (missionId) query.andWhere('v.mission_id = :missionId', { missionId });
    if (request.ownerMemberId)
      query.andWhere('v.owner_member_id = :ownerMemberId', { ownerMemberId: request.ownerMemberId });
    if (request.status) query.andWhere('v.registration_status = :status', { status: request.status });
    if (page.after !== undefined) query.andWhere('v.seq > :after', { after: page.after.toString() });
    const rows = await query.getMany();
    const items = rows.slice(0, page.limit);
    const hasMore = rows.length > page.limit;
    return {
      vehicles: items.map(toVehicleMessage),
      nextCursor: hasMore ? encodeCursor(items[items.length - 1]!.seq) : '',
    };
  }

  // A mission user lists its own mission only: no filter means its mission, another mission is refused.
  private missionScope(actor: Actor, requested: string): string | undefined {
    const onlyMissionUser = actor.roles.every((role) => role === 'mission-user');
    if (!onlyMissionUser) return requested || undefined;
    if (!actor.missionId) throw forbidden('A mission user without a mission may not list vehicles');
    if (requested && requested !== actor.missionId)
      throw forbidden("A mission user may list only its own mission's vehicles");
    return actor.missionId;
  }

  /**
   * Law-enforcement check by plate; every verification is audited (CONTRACT.md), found or not. The
   * answer names the vehicle's mission from the mission replica, so that a mission-owned vehicle needs
   * no second lookup (empty while the replica has not heard of the mission).
   */
  async verifyPlate(actor: Actor, input: string): Promise<vehicles.VerifyPlateResponse> {
    const plate = normalizePlate(input ?? '');
    if (!isPlate(plate))
      throw validationFailed([
        { field: 'plate', message: 'must be a status letter (D, S, C), a two-letter code and a serial, e.g. DXY1234' },
      ]);
    return inTransaction(this.dataSource, async (em) => {
      const vehicle = await em.findOneBy(VehicleEntity, { plate });
      await recordAudit(em, {
        actor,
        action: 'plate.verified',
        entityType: 'vehicle',
        entityId: vehicle?.id ?? plate,
        before: null,
        after: vehicle
          ? { plate, registrationStatus: vehicle.registrationStatus, insuranceStatus: vehicle.insuranceStatus }
          : { plate, found: false },
      });
      if (!vehicle) return undefined;
      const mission = await findMissionReplica(em, vehicle.missionId);
      return {
        vehicle: toVehicleMessage(vehicle),
        missionName: mission?.name ?? '',
        missionCountry: mission?.country ?? '',
      };
    }).then((answer) => {
      // The audit of a miss must survive the 404, so the miss is answered after the commit.
      if (!answer) throw notFound('plate', plate);
      return answer;
    });
  }
}
