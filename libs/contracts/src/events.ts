import type { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import * as acc from './gen/ofm/accreditation/v1/events';
import * as veh from './gen/ofm/vehicles/v1/events';
import * as flag from './gen/ofm/compliance/v1/flag';
import { TOPICS } from './topics';

// The slice of ts-proto's generated MessageFns that the event codec needs.
export interface EventMessageFns<T> {
  fromJSON(object: unknown): T;
  toJSON(message: T): unknown;
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
}

export interface EventTypeSpec<T = unknown> {
  /** CloudEvents type, gov.ofm.<service>.<aggregate>.<past-tense-verb>.v1 */
  type: string;
  /** Fully-qualified proto message whose proto3 JSON form is the event value. */
  message: string;
  fns: EventMessageFns<T>;
  topic: string;
}

const spec = <T>(type: string, message: string, fns: EventMessageFns<T>, topic: string): EventTypeSpec<T> => ({
  type,
  message,
  fns,
  topic,
});

export const EVENT_TYPES = {
  missionRegistered: spec(
    'gov.ofm.accreditation.mission.registered.v1',
    'ofm.accreditation.v1.MissionRegistered',
    acc.MissionRegistered,
    TOPICS.mission,
  ),
  missionStatusChanged: spec(
    'gov.ofm.accreditation.mission.status-changed.v1',
    'ofm.accreditation.v1.MissionStatusChanged',
    acc.MissionStatusChanged,
    TOPICS.mission,
  ),
  memberNotified: spec(
    'gov.ofm.accreditation.member.notified.v1',
    'ofm.accreditation.v1.MemberNotified',
    acc.MemberNotified,
    TOPICS.member,
  ),
  memberAccredited: spec(
    'gov.ofm.accreditation.member.accredited.v1',
    'ofm.accreditation.v1.MemberAccredited',
    acc.MemberAccredited,
    TOPICS.member,
  ),
  memberRefused: spec(
    'gov.ofm.accreditation.member.refused.v1',
    'ofm.accreditation.v1.MemberRefused',
    acc.MemberRefused,
    TOPICS.member,
  ),
  memberTerminated: spec(
    'gov.ofm.accreditation.member.terminated.v1',
    'ofm.accreditation.v1.MemberTerminated',
    acc.MemberTerminated,
    TOPICS.member,
  ),
  vehicleRegistered: spec(
    'gov.ofm.vehicles.vehicle.registered.v1',
    'ofm.vehicles.v1.VehicleRegistered',
    veh.VehicleRegistered,
    TOPICS.vehicle,
  ),
  registrationActivated: spec(
    'gov.ofm.vehicles.registration.activated.v1',
    'ofm.vehicles.v1.RegistrationActivated',
    veh.RegistrationActivated,
    TOPICS.vehicle,
  ),
  registrationSuspended: spec(
    'gov.ofm.vehicles.registration.suspended.v1',
    'ofm.vehicles.v1.RegistrationSuspended',
    veh.RegistrationSuspended,
    TOPICS.vehicle,
  ),
  registrationDisposalDue: spec(
    'gov.ofm.vehicles.registration.disposal-due.v1',
    'ofm.vehicles.v1.RegistrationDisposalDue',
    veh.RegistrationDisposalDue,
    TOPICS.vehicle,
  ),
  insuranceRecorded: spec(
    'gov.ofm.vehicles.insurance.recorded.v1',
    'ofm.vehicles.v1.InsuranceRecorded',
    veh.InsuranceRecorded,
    TOPICS.insurance,
  ),
  insuranceLapsed: spec(
    'gov.ofm.vehicles.insurance.lapsed.v1',
    'ofm.vehicles.v1.InsuranceLapsed',
    veh.InsuranceLapsed,
    TOPICS.insurance,
  ),
  flagRaised: spec(
    'gov.ofm.compliance.flag.raised.v1',
    'ofm.compliance.v1.FlagRaised',
    flag.FlagRaised,
    TOPICS.complianceFlag,
  ),
  flagCleared: spec(
    'gov.ofm.compliance.flag.cleared.v1',
    'ofm.compliance.v1.FlagCleared',
    flag.FlagCleared,
    TOPICS.complianceFlag,
  ),
} as const;

const byType = new Map<string, EventTypeSpec>(Object.values(EVENT_TYPES).map((s) => [s.type, s as EventTypeSpec]));

/** The registered spec of a CloudEvents type, or undefined for a type this build does not know. */
export const eventTypeSpec = (type: string): EventTypeSpec | undefined => byType.get(type);

/** Payload type carried by an entry of EVENT_TYPES. */
export type EventPayload<K extends keyof typeof EVENT_TYPES> =
  (typeof EVENT_TYPES)[K] extends EventTypeSpec<infer T> ? T : never;
