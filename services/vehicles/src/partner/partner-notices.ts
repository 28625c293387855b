import { EVENT_TYPES, type DmvChange, type vehicles } from '@ofm/contracts';
import { ofmDay, type IsoDay } from '@ofm/kernel';
import type { PublishEventInput } from '@ofm/messaging';
import { dmvNotice } from './dmv.notice';
import { plateNotice } from './plate.notice';

// The internal events of vehicles that partners hear of, and what each one tells them. Event types
// of the vehicle lifecycle written beside this module (disposal, plate replacement) are matched by
// name, so this mapping does not depend on their generated types.
const VEHICLE_DISPOSED = 'gov.ofm.vehicles.vehicle.disposed.v1';
const PLATE_REPLACED = 'gov.ofm.vehicles.plate.replaced.v1';

const DMV_CHANGES: Readonly<Record<string, DmvChange>> = {
  [EVENT_TYPES.registrationActivated.type]: 'registration-activated',
  [EVENT_TYPES.registrationSuspended.type]: 'registration-suspended',
  [EVENT_TYPES.registrationDisposalDue.type]: 'registration-disposal-due',
  [VEHICLE_DISPOSED]: 'registration-disposed',
  [EVENT_TYPES.insuranceLapsed.type]: 'insurance-lapsed',
  [EVENT_TYPES.insuranceRecorded.type]: 'insurance-recorded',
};

/** What partnerNoticesFor needs beside the event: the owning mission's name and the day. */
export interface PartnerContext {
  /** The name of the mission the vehicle belongs to (the mission replica's). */
  missionName: (missionId: string) => string;
  now: Date;
}

interface VehicleEventData {
  vehicle?: vehicles.Vehicle;
  lapsedOn?: string;
  replacedPlate?: string;
}

const typeOf = (event: PublishEventInput): string => (typeof event.type === 'string' ? event.type : event.type.type);

/** The vehicle an internal event is about, if it carries one (every vehicle and insurance event does). */
export const vehicleOf = (event: PublishEventInput): vehicles.Vehicle | undefined =>
  (event.data as VehicleEventData | undefined)?.vehicle;

/**
 * The partner events of one internal event of vehicles, to commit in the same transaction:
 * the DMV notice of a registration's or insurance's status change, and the law-enforcement notice
 * of a plate suspended, reported stolen (the replaced plate) or disposed. Any other event: none.
 */
export const partnerNoticesFor = (event: PublishEventInput, context: PartnerContext): PublishEventInput[] => {
  const type = typeOf(event);
  const data = (event.data ?? {}) as VehicleEventData;
  const vehicle = data.vehicle;
  if (!vehicle) return [];
  const today: IsoDay = ofmDay(context.now);
  const notices: PublishEventInput[] = [];
  const dmv = DMV_CHANGES[type];
  if (dmv) notices.push(dmvNotice(dmv, vehicle, data.lapsedOn || today));
  const mission = () => context.missionName(vehicle.missionId);
  if (type === EVENT_TYPES.registrationSuspended.type)
    notices.push(plateNotice('suspended', vehicle, mission(), today));
  if (type === VEHICLE_DISPOSED) notices.push(plateNotice('disposed', vehicle, mission(), today));
  // The old plate of a replaced one verifies reported-stolen from now on, lost or stolen alike.
  if (type === PLATE_REPLACED && data.replacedPlate)
    notices.push(plateNotice('reported-stolen', vehicle, mission(), today, data.replacedPlate));
  return notices;
};

/** The missions whose names partnerNoticesFor will ask for, so a caller can read them first. */
export const missionsNamedBy = (events: readonly PublishEventInput[]): string[] => [
  ...new Set(
    events
      .filter((e) => [EVENT_TYPES.registrationSuspended.type, VEHICLE_DISPOSED, PLATE_REPLACED].includes(typeOf(e)))
      .flatMap((e) => vehicleOf(e)?.missionId ?? []),
  ),
];
