import type { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import * as acc from './gen/ofm/accreditation/v1/events';
import * as veh from './gen/ofm/vehicles/v1/events';
import * as flag from './gen/ofm/compliance/v1/flag';
import * as partner from './gen/ofm/partner/v1/law_enforcement';
import * as dmv from './gen/ofm/partner/v1/dmv';
import * as plate from './gen/ofm/partner/v1/plate';
import * as licence from './gen/ofm/vehicles/v1/licence';
import * as rec from './gen/ofm/reciprocity/v1/events';
import * as travel from './gen/ofm/accreditation/v1/travel_events';
import * as tenure from './gen/ofm/accreditation/v1/tenure';
import * as checklist from './gen/ofm/accreditation/v1/checklist';
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
  missionRecertified: spec(
    'gov.ofm.accreditation.mission.recertified.v1',
    'ofm.accreditation.v1.MissionRecertified',
    tenure.MissionRecertified,
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
  memberChanged: spec(
    'gov.ofm.accreditation.member.changed.v1',
    'ofm.accreditation.v1.MemberChanged',
    acc.MemberChanged,
    TOPICS.member,
  ),
  memberPromoted: spec(
    'gov.ofm.accreditation.member.promoted.v1',
    'ofm.accreditation.v1.MemberPromoted',
    acc.MemberPromoted,
    TOPICS.member,
  ),
  // The termination checklist (docs/domain/termination-checklist.md): an open item closed.
  documentReturned: spec(
    'gov.ofm.accreditation.member.document-returned.v1',
    'ofm.accreditation.v1.DocumentReturned',
    checklist.DocumentReturned,
    TOPICS.member,
  ),
  idCardRenewed: spec(
    'gov.ofm.accreditation.id-card.renewed.v1',
    'ofm.accreditation.v1.IdCardRenewed',
    acc.IdCardRenewed,
    TOPICS.member,
  ),
  idCardReportedLost: spec(
    'gov.ofm.accreditation.id-card.reported-lost.v1',
    'ofm.accreditation.v1.IdCardReportedLost',
    acc.IdCardReportedLost,
    TOPICS.member,
  ),
  travelNotified: spec(
    'gov.ofm.accreditation.travel.notified.v1',
    'ofm.accreditation.v1.TravelNotified',
    travel.TravelNotified,
    TOPICS.travel,
  ),
  travelApproved: spec(
    'gov.ofm.accreditation.travel.approved.v1',
    'ofm.accreditation.v1.TravelApproved',
    travel.TravelApproved,
    TOPICS.travel,
  ),
  travelDenied: spec(
    'gov.ofm.accreditation.travel.denied.v1',
    'ofm.accreditation.v1.TravelDenied',
    travel.TravelDenied,
    TOPICS.travel,
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
  vehicleDisposed: spec(
    'gov.ofm.vehicles.vehicle.disposed.v1',
    'ofm.vehicles.v1.VehicleDisposed',
    veh.VehicleDisposed,
    TOPICS.vehicle,
  ),
  registrationRenewed: spec(
    'gov.ofm.vehicles.registration.renewed.v1',
    'ofm.vehicles.v1.RegistrationRenewed',
    veh.RegistrationRenewed,
    TOPICS.vehicle,
  ),
  plateReplaced: spec(
    'gov.ofm.vehicles.plate.replaced.v1',
    'ofm.vehicles.v1.PlateReplaced',
    veh.PlateReplaced,
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
  profileUpdated: spec(
    'gov.ofm.reciprocity.profile.updated.v1',
    'ofm.reciprocity.v1.ProfileUpdated',
    rec.ProfileUpdated,
    TOPICS.reciprocityProfile,
  ),
  agreementRecorded: spec(
    'gov.ofm.reciprocity.agreement.recorded.v1',
    'ofm.reciprocity.v1.AgreementRecorded',
    rec.AgreementRecorded,
    TOPICS.reciprocityAgreement,
  ),
  agreementStatusChanged: spec(
    'gov.ofm.reciprocity.agreement.status-changed.v1',
    'ofm.reciprocity.v1.AgreementStatusChanged',
    rec.AgreementStatusChanged,
    TOPICS.reciprocityAgreement,
  ),
  // Curated for law-enforcement partners (CONTRACT.md "Partner topics"): published by accreditation.
  immunityStatusChanged: spec(
    'gov.ofm.accreditation.immunity.status-changed.v1',
    'ofm.partner.v1.ImmunityStatusChanged',
    partner.ImmunityStatusChanged,
    TOPICS.partnerLawEnforcement,
  ),
  // Driver licences and points (docs/domain/driver-licences.md).
  licenceIssued: spec(
    'gov.ofm.vehicles.licence.issued.v1',
    'ofm.vehicles.v1.LicenceIssued',
    licence.LicenceIssued,
    TOPICS.licence,
  ),
  violationRecorded: spec(
    'gov.ofm.vehicles.licence.violation-recorded.v1',
    'ofm.vehicles.v1.ViolationRecorded',
    licence.ViolationRecorded,
    TOPICS.licence,
  ),
  licenceSuspended: spec(
    'gov.ofm.vehicles.licence.suspended.v1',
    'ofm.vehicles.v1.LicenceSuspended',
    licence.LicenceSuspended,
    TOPICS.licence,
  ),
  licenceEnded: spec(
    'gov.ofm.vehicles.licence.ended.v1',
    'ofm.vehicles.v1.LicenceEnded',
    licence.LicenceEnded,
    TOPICS.licence,
  ),
  // Curated for state DMVs and law enforcement (services/vehicles/src/partner): published by vehicles.
  vehicleStatusReported: spec(
    'gov.ofm.vehicles.registration.status-reported.v1',
    'ofm.partner.v1.VehicleStatusReported',
    dmv.VehicleStatusReported,
    TOPICS.partnerDmv,
  ),
  plateStatusChanged: spec(
    'gov.ofm.vehicles.plate.status-changed.v1',
    'ofm.partner.v1.PlateStatusChanged',
    plate.PlateStatusChanged,
    TOPICS.partnerLawEnforcement,
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
