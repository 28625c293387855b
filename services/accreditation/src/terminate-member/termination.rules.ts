import type { MemberStatus, ReturnedDocument } from '@ofm/contracts';
import { addDays, earliest, type FieldError, type IsoDay } from '@ofm/kernel';

// Notification of termination: the person has 30 days to leave or change status, 60 when the mission
// asks for the extension in advance (departureExtensionRequested); immunity runs until departure or
// the end of that time, whichever comes first. Days are OFM's (America/New_York), as every date here.
export const DEPARTURE_GRACE_DAYS = 30;
export const EXTENDED_DEPARTURE_GRACE_DAYS = 60;

export const departureDueBy = (effectiveDate: IsoDay, extended = false): IsoDay =>
  addDays(effectiveDate, extended ? EXTENDED_DEPARTURE_GRACE_DAYS : DEPARTURE_GRACE_DAYS);

export const immunityEndsOn = (effectiveDate: IsoDay, departureDate?: IsoDay | null, extended = false): IsoDay =>
  earliest(departureDueBy(effectiveDate, extended), departureDate)!;

/**
 * The termination's dates against the appointment (the proto already checked that they are days):
 * an appointment cannot end, nor its member leave, before the member arrived.
 */
export const terminationProblems = (
  t: { effectiveDate: IsoDay; departureDate?: IsoDay | null },
  arrivalDate: IsoDay,
): FieldError[] => [
  ...(t.effectiveDate < arrivalDate
    ? [{ field: 'effectiveDate', message: 'effectiveDate must not be before the arrival date' }]
    : []),
  ...(t.departureDate && t.departureDate < arrivalDate
    ? [{ field: 'departureDate', message: 'departureDate must not be before the arrival date' }]
    : []),
];

export const isTerminable = (status: MemberStatus): boolean => status !== 'terminated';

/** Terminating a principal terminates every dependent not already terminated. */
export const dependentsToTerminate = <T extends { status: MemberStatus }>(dependents: readonly T[]): T[] =>
  dependents.filter((d) => isTerminable(d.status));

// Documents the platform issued that must come back, each tracked as an open item due when the person
// must have left (30 days, or 60 on the extension). This service issues the ID card; tax cards,
// plates and licences are issued — and tracked on termination — by the services that own them, which
// react to memberTerminated.
export interface OpenItem {
  document: Extract<ReturnedDocument, 'id-card'>;
  reference: string;
  dueOn: IsoDay;
}

export const documentsToReturn = (
  member: { idCard?: { number?: string | null } | null },
  effectiveDate: IsoDay,
  extended = false,
): OpenItem[] =>
  member.idCard?.number
    ? [{ document: 'id-card', reference: member.idCard.number, dueOn: departureDueBy(effectiveDate, extended) }]
    : [];
