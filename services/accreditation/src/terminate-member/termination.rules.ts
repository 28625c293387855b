import type { MemberStatus, ReturnedDocument } from '@ofm/contracts';
import { addDays, earliest, type FieldError, type IsoDay } from '@ofm/kernel';

// Notification of termination: immunity ends at departure or 30 days after the termination takes
// effect, whichever comes first; the person has 30 days to leave or change status (60 when asked in
// advance).
export const IMMUNITY_GRACE_DAYS = 30;
export const DEPARTURE_GRACE_DAYS = 30;
export const EXTENDED_DEPARTURE_GRACE_DAYS = 60;

export const immunityEndsOn = (effectiveDate: IsoDay, departureDate?: IsoDay | null): IsoDay =>
  earliest(addDays(effectiveDate, IMMUNITY_GRACE_DAYS), departureDate)!;

export const departureDueBy = (effectiveDate: IsoDay, extended = false): IsoDay =>
  addDays(effectiveDate, extended ? EXTENDED_DEPARTURE_GRACE_DAYS : DEPARTURE_GRACE_DAYS);

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

// Documents the platform issued that must come back, each tracked as an open item. This service
// issues the ID card; tax cards, plates and licences are issued — and tracked on termination — by
// the services that own them, which react to memberTerminated.
export interface OpenItem {
  document: Extract<ReturnedDocument, 'id-card'>;
  reference: string;
  dueOn: IsoDay;
}

export const documentsToReturn = (
  member: { idCard?: { number?: string | null } | null },
  effectiveDate: IsoDay,
): OpenItem[] =>
  member.idCard?.number
    ? [{ document: 'id-card', reference: member.idCard.number, dueOn: departureDueBy(effectiveDate) }]
    : [];
