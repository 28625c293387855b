import { addDays, earliest, type IsoDate } from '../shared/calendar.util';
import type { MemberStatus } from './member.model';

// Notification of termination: immunity ends at departure or 30 days after the termination takes
// effect, whichever comes first; the person has 30 days to leave or change status (60 when asked in
// advance).
export const IMMUNITY_GRACE_DAYS = 30;
export const DEPARTURE_GRACE_DAYS = 30;
export const EXTENDED_DEPARTURE_GRACE_DAYS = 60;

export const immunityEndsOn = (effectiveDate: IsoDate, departureDate?: IsoDate | ''): IsoDate =>
  earliest(addDays(effectiveDate, IMMUNITY_GRACE_DAYS), departureDate)!;

export const departureDueBy = (effectiveDate: IsoDate, extended = false): IsoDate =>
  addDays(effectiveDate, extended ? EXTENDED_DEPARTURE_GRACE_DAYS : DEPARTURE_GRACE_DAYS);

export const isTerminable = (status: MemberStatus): boolean => status !== 'terminated';

/** Terminating a principal terminates every dependent not already terminated. */
export const dependentsToTerminate = <T extends { status: MemberStatus }>(dependents: readonly T[]): T[] =>
  dependents.filter((d) => isTerminable(d.status));

// Documents the platform issued that must come back, each tracked as an open item. This service
// issues the ID card; tax cards, plates and licences are issued — and tracked on termination — by
// the services that own them, which react to memberTerminated.
export const RETURNABLE_DOCUMENTS = ['id-card'] as const;
export type ReturnableDocument = (typeof RETURNABLE_DOCUMENTS)[number];

export interface OpenItem {
  document: ReturnableDocument;
  reference: string;
  dueOn: IsoDate;
}

export const documentsToReturn = (member: { idCardNumber?: string | null }, effectiveDate: IsoDate): OpenItem[] =>
  member.idCardNumber
    ? [{ document: 'id-card', reference: member.idCardNumber, dueOn: departureDueBy(effectiveDate) }]
    : [];
