import { Injectable, Optional } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type vehiclesEvents } from '@ofm/contracts';
import { Clock, systemClock } from '@ofm/kernel';
import { commitChange, onEvent, type CloudEvent, type ConsumerSpec } from '@ofm/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { findMember, memberSnapshot } from '../member/member.queries';
import { OpenItemEntity } from '../member/open-item.entity';
import { platesItem } from './checklist.rules';
import { closeItem, itemsOf } from './checklist.store';

const SYSTEM_ACTOR = { subject: 'system:accreditation', roles: [] as string[] };

// The plates of the checklist come from vehicles (group ofm.accreditation): when it reports a
// terminated owner's registration disposal-due, the plates are an open item of the owner, due with
// the ID card. Runs in the inbox transaction of the event; the item's unique key (member, document,
// reference) makes a replay open nothing twice.
@Injectable()
export class VehiclePlatesHandlers {
  constructor(@Optional() private readonly clock: Clock = systemClock) {}

  consumer(): ConsumerSpec {
    return {
      topics: [TOPICS.vehicle],
      handlers: {
        ...onEvent(
          EVENT_TYPES.registrationDisposalDue,
          (event: CloudEvent<vehiclesEvents.RegistrationDisposalDue>, em: EntityManager) => this.disposalDue(em, event),
        ),
        ...onEvent(
          EVENT_TYPES.vehicleDisposed,
          (event: CloudEvent<vehiclesEvents.VehicleDisposed>, em: EntityManager) => this.disposed(em, event),
        ),
      },
    };
  }

  // The vehicle was disposed of with its plates handed back to OFM: the owner's plates item closes
  // (closedBy vehicle-disposed). Plates not returned (a transfer) leave it open for an officer. A
  // replay finds the item closed and does nothing.
  private async disposed(em: EntityManager, event: CloudEvent<vehiclesEvents.VehicleDisposed>) {
    const vehicle = event.data.vehicle;
    if (!vehicle?.ownerMemberId || !vehicle.disposal?.platesReturned) return;
    const member = await findMember(em, vehicle.ownerMemberId, 'pessimistic_write');
    if (!member) return;
    // The item names the plate the vehicle had when it became disposal-due (or its VIN).
    const references = new Set([vehicle.plate, vehicle.vin, ...(vehicle.replacedPlates ?? [])]);
    const item = (await itemsOf(em, member.id)).find(
      (i) => i.document === 'plates' && i.status === 'open' && references.has(i.reference),
    );
    if (!item) return;
    await closeItem(em, {
      member,
      item,
      returnedOn: vehicle.disposal.disposedOn,
      closedBy: 'vehicle-disposed',
      actor: SYSTEM_ACTOR,
      now: this.clock.now(),
    });
  }

  private async disposalDue(em: EntityManager, event: CloudEvent<vehiclesEvents.RegistrationDisposalDue>) {
    const vehicle = event.data.vehicle;
    // A mission's vehicle has no member to owe its plates; they are the mission's closure's business.
    if (!vehicle?.ownerMemberId) return;
    const member = await findMember(em, vehicle.ownerMemberId, 'pessimistic_write');
    if (!member) return;
    const item = platesItem(member, vehicle);
    if (!item) return;
    const before = await itemsOf(em, member.id);
    if (before.some((i) => i.document === item.document && i.reference === item.reference)) return;
    const row = em.create(OpenItemEntity, {
      id: randomUUID(),
      memberId: member.id,
      ...item,
      status: 'open',
      returnedOn: null,
      createdAt: this.clock.now(),
    });
    await em.insert(OpenItemEntity, row);
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'member.open-item-added',
      entity: { type: 'member', id: member.id },
      before: memberSnapshot(member, before),
      after: memberSnapshot(member, [...before, row]),
      reason: `vehicle ${vehicle.id} disposal-due (event ${event.id}): plates ${item.reference} to return`,
      events: [],
    });
  }
}
