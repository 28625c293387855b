import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, type TitleRole, type VehicleKind, type vehicles } from '@ofm/contracts';
import { canSeeMission, Clock, yearOf } from '@ofm/kernel';
import { inCommand } from '@ofm/persistence';
import { DomainError, conflict, notFound, ruleViolated, type Actor } from '@ofm/platform';
import { taxFreeVehicleDecision } from '@ofm/reciprocity';
import { findMemberReplica, findMissionReplica, profileInForce, type MissionReplicaEntity } from '@ofm/replicas';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../shared/sql';
import { plateEntitlement, type PlateOwner } from './plate-entitlement.rules';
import type { PlateLetter } from './plate.rules';
import { PlateNumberService } from './plate-number.service';
import {
  checkMemberOwner,
  checkMissionOwner,
  initialRegistrationStatus,
  modelYearErrors,
  registrationExpiresOn,
} from './registration.rules';
import { checkTitleEntry } from './title.rules';
import { TitleEntryEntity } from './title-entry.entity';
import { VehicleEntity } from './vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from './vehicle.mapper';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

interface ResolvedOwner {
  missionId: string;
  country: string;
  letter: PlateLetter;
}

// RegisterVehicle: the request arrives checked against its declared rules (vehicle.proto: exactly one
// owner, the VIN alphabet, the kind's words); mission scope and the owner rules are decided here from
// the replica of accreditation, with the caller's identity (another mission's member or mission is
// not found); then a plate, and one transaction holding the vehicle, the title entry the request may
// carry, its audit record and its events.
@Injectable()
export class VehicleRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plates: PlateNumberService,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, request: vehicles.RegisterVehicleRequest): Promise<vehicles.Vehicle> {
    // The calendar's year is OFM's: on 31 December evening in Washington it is not next year yet.
    const errors = modelYearErrors(request.year, yearOf(this.clock.today()));
    if (errors.length > 0) throw ruleViolated('vehicle-model-year', 'The model year is later than next year', errors);
    // The declared rules have checked the kind against VehicleKind's words.
    const kind = request.kind as VehicleKind;

    return inCommand(this.dataSource, async (em) => {
      const owner = request.ownerMemberId
        ? await this.memberOwner(em, actor, request.ownerMemberId)
        : await this.missionOwner(em, actor, request.ownerMissionId!);
      const today = this.clock.today();
      const vehicle = em.create(VehicleEntity, {
        id: randomUUID(),
        ownerMemberId: request.ownerMemberId,
        ownerMissionId: request.ownerMissionId,
        missionId: owner.missionId,
        vin: request.vin,
        make: request.make,
        model: request.model,
        year: request.year,
        kind,
        plate: await this.plates.issue(em, owner.letter, owner.country),
        registrationStatus: initialRegistrationStatus(kind),
        registeredOn: today,
        expiresOn: registrationExpiresOn(today),
        insuranceStatus: 'uninsured',
        lapseFlagId: null,
        version: 1,
      });
      await this.insert(em, vehicle);
      const title = request.title ? await this.recordTitle(em, vehicle, request.title) : undefined;
      const saved = await em.findOneByOrFail(VehicleEntity, { id: vehicle.id });
      const message = toVehicleMessage(saved, { titles: title ? [title] : [] });
      await commitVehicleChange(em, {
        actor,
        action: 'vehicle.registered',
        entity: { type: 'vehicle', id: saved.id },
        before: null,
        after: { ...vehicleAuditState(saved), ...(title ? { title } : {}) },
        events: [
          { type: EVENT_TYPES.vehicleRegistered, subject: saved.id, data: { vehicle: message } },
          // Trailers need no insurance, so their registration is active from the start.
          ...(saved.registrationStatus === 'active'
            ? [{ type: EVENT_TYPES.registrationActivated, subject: saved.id, data: { vehicle: message } }]
            : []),
        ],
      });
      return message;
    });
  }

  private async memberOwner(em: EntityManager, actor: Actor, memberId: string): Promise<ResolvedOwner> {
    const member = await findMemberReplica(em, memberId);
    // Another mission's member is answered like an unknown one (404), never as "not yours". This
    // service learns of members over Kafka, so a just-notified member may not be here yet: say so.
    if (!member || !canSeeMission(actor, member.missionId)) {
      throw new DomainError(
        'not-found',
        `member ${memberId} is not known to the vehicles program; a member notified a moment ago reaches it within seconds, so retry shortly`,
      );
    }
    const mission = await findMissionReplica(em, member.missionId);
    const violation = checkMemberOwner(member, mission ?? undefined);
    if (violation) throw ruleViolated(violation.rule, violation.detail);
    const principal = member.principalId ? await findMemberReplica(em, member.principalId) : null;
    const letter = this.letterFor({
      kind: 'member',
      category: member.category,
      principalCategory: principal?.category,
      missionType: mission!.type,
    });
    await this.checkTaxFreeLimit(em, member.id, mission!.country);
    return this.owner(mission!, letter);
  }

  // The sending country's profile in force today says how many tax-free vehicles a member may hold
  // (reciprocity); every vehicle of the member not yet disposed counts. The member's registrations are
  // serialised, so two at once cannot both take the last place.
  private async checkTaxFreeLimit(em: EntityManager, memberId: string, country: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('vehicle-owner:' || $1))`, [memberId]);
    const held = await em.count(VehicleEntity, {
      where: { ownerMemberId: memberId, registrationStatus: Not('disposed') },
    });
    const decision = taxFreeVehicleDecision(await profileInForce(em, country, this.clock.today()), held);
    if (!decision.outcome) throw ruleViolated('tax-free-vehicle-limit', decision.reason);
  }

  private async missionOwner(em: EntityManager, actor: Actor, missionId: string): Promise<ResolvedOwner> {
    if (!canSeeMission(actor, missionId)) throw notFound('mission', missionId);
    const mission = await findMissionReplica(em, missionId);
    if (!mission) throw notFound('mission', missionId);
    const violation = checkMissionOwner(mission);
    if (violation) throw ruleViolated(violation.rule, violation.detail);
    return this.owner(mission, this.letterFor({ kind: 'mission', missionType: mission.type }));
  }

  private letterFor(owner: PlateOwner): PlateLetter {
    const { letter, refusal } = plateEntitlement(owner);
    if (refusal) throw ruleViolated(refusal.rule, refusal.detail);
    return letter;
  }

  // The ledger's first entry, under the title service's rules (an empty ledger takes any role).
  private async recordTitle(
    em: EntityManager,
    vehicle: VehicleEntity,
    title: vehicles.RegistrationTitle,
  ): Promise<TitleEntryEntity> {
    const role = title.role as TitleRole;
    const violation = checkTitleEntry(vehicle.registrationStatus, [], role);
    if (violation) throw ruleViolated(violation.rule, violation.detail);
    const entry = em.create(TitleEntryEntity, {
      id: randomUUID(),
      vehicleId: vehicle.id,
      role,
      holder: title.holder,
      recordedOn: vehicle.registeredOn,
    });
    await em.insert(TitleEntryEntity, entry);
    return em.findOneByOrFail(TitleEntryEntity, { id: entry.id });
  }

  private owner(mission: MissionReplicaEntity, letter: PlateLetter): ResolvedOwner {
    return { missionId: mission.id, country: mission.country.toUpperCase(), letter };
  }

  private async insert(em: EntityManager, vehicle: VehicleEntity): Promise<void> {
    try {
      await em.insert(VehicleEntity, vehicle);
    } catch (error) {
      if (isUniqueViolation(error, 'vehicle_vin_live_key')) {
        throw conflict(`a vehicle with VIN ${vehicle.vin} is already registered and not disposed`);
      }
      throw error;
    }
  }
}
