import { Injectable } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import { Clock, missionRestriction, normalizeUuid, pageOf, readPage } from '@ofm/kernel';
import { inTransaction, recordAudit } from '@ofm/persistence';
import { forbidden, type Actor, ruleViolated } from '@ofm/platform';
import { findMissionReplica } from '@ofm/replicas';
import { DataSource } from 'typeorm';
import { normalizePlate } from './plate.rules';
import { ReplacedPlateEntity } from './replaced-plate.entity';
import { plateVerification, replacedPlateVerification, unknownPlateVerification } from './plate-verification.rules';
import { fullVehicleMessage } from './vehicle-ledgers';
import { VehicleEntity } from './vehicle.entity';
import { visibleVehicle } from './vehicle-access';
import { toVehicleMessage } from './vehicle.mapper';

// Reads: requests arrive checked against their declared rules (vehicle.proto); mission scope is
// decided here, with the caller's identity (another mission's vehicle is not found).
@Injectable()
export class VehicleQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<vehicles.Vehicle> {
    const em = this.dataSource.manager;
    return fullVehicleMessage(em, await visibleVehicle(em, actor, id));
  }

  async list(actor: Actor, request: vehicles.ListVehiclesRequest): Promise<vehicles.ListVehiclesResponse> {
    // Paged in insertion order (the identity column seq): created_at is the database's now(), finer
    // than a cursor's milliseconds.
    const page = readPage(request.page, 'seq');
    if (!page.ok)
      throw ruleViolated('page-cursor', 'The cursor is not one this list returned', [
        { field: 'cursor', message: 'is not a cursor this API issued' },
      ]);
    const missionId = this.missionScope(actor, request.missionId);

    const query = this.dataSource.manager
      .createQueryBuilder(VehicleEntity, 'v')
      .orderBy('v.seq', 'ASC')
      .take(page.limit + 1);
    if (missionId) query.andWhere('v.mission_id = :missionId', { missionId });
    if (request.ownerMemberId)
      query.andWhere('v.owner_member_id = :ownerMemberId', { ownerMemberId: request.ownerMemberId });
    if (request.status) query.andWhere('v.registration_status = :status', { status: request.status });
    if (page.after !== undefined) query.andWhere('v.seq > :after', { after: page.after.seq.toString() });
    const { items, nextCursor } = pageOf(await query.getMany(), page.limit, (v) => ({ seq: BigInt(v.seq) }));
    return { vehicles: items.map((v) => toVehicleMessage(v)), nextCursor };
  }

  // A mission user lists its own mission only: no filter means its mission, another mission is refused.
  private missionScope(actor: Actor, requested: string): string | undefined {
    const restriction = missionRestriction(actor);
    if (restriction === undefined) return requested || undefined;
    if (restriction === null) throw forbidden('A mission user without a mission may not list vehicles');
    if (requested && normalizeUuid(requested) !== restriction)
      throw forbidden("A mission user may list only its own mission's vehicles");
    return restriction;
  }

  /**
   * Law-enforcement check by plate; every verification is audited (CONTRACT.md), found or not. The
   * status is decided here (plate-verification.rules); the mission comes from the mission replica,
   * so no second lookup is needed. A plate OFM never issued answers `unknown`, not an error.
   */
  async verifyPlate(actor: Actor, input: string): Promise<vehicles.VerifyPlateResponse> {
    const plate = normalizePlate(input);
    const checkedAt = this.clock.now();
    const today = this.clock.today();
    return inTransaction(this.dataSource, async (em) => {
      // A plate replaced after a loss or theft is never on its vehicle's row any more: it answers
      // reported-stolen, with the vehicle it was issued to.
      const replaced = await em.findOneBy(ReplacedPlateEntity, { plate });
      const vehicle = replaced
        ? await em.findOneBy(VehicleEntity, { id: replaced.vehicleId })
        : await em.findOneBy(VehicleEntity, { plate });
      const mission = vehicle ? await findMissionReplica(em, vehicle.missionId) : null;
      const verification = !vehicle
        ? unknownPlateVerification(plate, checkedAt)
        : replaced
          ? replacedPlateVerification(plate, vehicle, mission ?? undefined, checkedAt)
          : plateVerification(vehicle, mission ?? undefined, today, checkedAt);
      await recordAudit(em, {
        actor,
        action: 'plate.verified',
        entityType: 'vehicle',
        entityId: vehicle?.id ?? plate,
        before: null,
        after: vehicle
          ? {
              plate,
              status: verification.status,
              ...(replaced ? { replacedBy: vehicle.plate, loss: replaced.loss } : {}),
              registrationStatus: vehicle.registrationStatus,
              insuranceStatus: vehicle.insuranceStatus,
            }
          : { plate, status: verification.status, found: false },
      });
      return { verification, vehicle: vehicle ? toVehicleMessage(vehicle) : undefined };
    });
  }
}
