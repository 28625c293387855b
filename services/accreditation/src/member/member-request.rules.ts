import type { FieldError } from '@ofm/platform';
import type { IsoDate } from '../shared/calendar.util';
import { FieldErrors } from '../shared/validation.util';
import {
  MEMBER_CATEGORIES,
  PASSPORT_TYPES,
  RELATIONSHIPS,
  VISA_CLASSES,
  type MemberCategory,
  type MemberFacts,
} from './member.model';

// Request checks of the member RPCs: shape and internal consistency only. Whether the person may
// be accredited is the accreditation rules' business, decided later and named criterion by criterion.

export interface AppointmentRequest extends Omit<MemberFacts, 'category'> {
  missionId: string;
  givenName: string;
  familyName: string;
  category: string;
  arrivalDate: string;
  expectedDepartureDate: string;
  principalId: string;
}

export type Appointment = AppointmentRequest & { category: MemberCategory };

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const MAX_WEEKLY_HOURS = 168;

// Codes are matched case-insensitively ("a-1", "fr", "Diplomatic") and stored in their canonical case.
const normalize = (r: AppointmentRequest): AppointmentRequest => ({
  ...r,
  missionId: r.missionId?.trim().toLowerCase() ?? '',
  givenName: r.givenName?.trim() ?? '',
  familyName: r.familyName?.trim() ?? '',
  nationality: r.nationality?.trim().toUpperCase() ?? '',
  category: r.category?.trim().toLowerCase() ?? '',
  title: r.title?.trim() ?? '',
  visaClass: r.visaClass?.trim().toUpperCase() ?? '',
  passportType: r.passportType?.trim().toLowerCase() ?? '',
  principalId: r.principalId?.trim().toLowerCase() ?? '',
  relationship: r.relationship?.trim().toLowerCase() ?? '',
  weeklyHours: r.weeklyHours ?? 0,
});

export const validateAppointment = (input: AppointmentRequest, today: IsoDate): Result<Appointment> => {
  const r = normalize(input);
  const e = new FieldErrors()
    .uuid('missionId', r.missionId)
    .text('givenName', r.givenName, { max: 100 })
    .text('familyName', r.familyName, { max: 100 })
    .date('dateOfBirth', r.dateOfBirth)
    .country('nationality', r.nationality)
    .oneOf('category', r.category, MEMBER_CATEGORIES)
    .text('title', r.title, { required: false, max: 100 })
    .oneOf('visaClass', r.visaClass, VISA_CLASSES, { required: false })
    .oneOf('passportType', r.passportType, PASSPORT_TYPES, { required: false })
    .date('arrivalDate', r.arrivalDate)
    .date('expectedDepartureDate', r.expectedDepartureDate, { required: false });

  if (!e.errors.some((x) => x.field === 'dateOfBirth') && r.dateOfBirth > today)
    e.add('dateOfBirth', 'must not be in the future');
  const datesOk = !e.errors.some((x) => ['dateOfBirth', 'arrivalDate', 'expectedDepartureDate'].includes(x.field));
  if (datesOk && r.arrivalDate < r.dateOfBirth) e.add('arrivalDate', 'must not be before dateOfBirth');
  if (datesOk && r.expectedDepartureDate && r.expectedDepartureDate < r.arrivalDate) {
    e.add('expectedDepartureDate', 'must not be before arrivalDate');
  }
  if (!Number.isFinite(r.weeklyHours) || r.weeklyHours < 0 || r.weeklyHours > MAX_WEEKLY_HOURS) {
    e.add('weeklyHours', `must be between 0 and ${MAX_WEEKLY_HOURS}`);
  }

  // A dependent names its principal and relationship; nobody else may (it would be silently ignored).
  if (r.category === 'dependent') {
    e.uuid('principalId', r.principalId).oneOf('relationship', r.relationship, RELATIONSHIPS);
  } else {
    if (r.principalId) e.add('principalId', 'applies only to a dependent');
    if (r.relationship) e.add('relationship', 'applies only to a dependent');
  }
  return e.ok ? { ok: true, value: r as Appointment } : { ok: false, errors: e.errors };
};

export interface TerminationRequest {
  effectiveDate: string;
  reason: string;
  departureDate: string;
}

export const validateTermination = (input: TerminationRequest, arrivalDate: IsoDate): Result<TerminationRequest> => {
  const r = {
    effectiveDate: input.effectiveDate?.trim() ?? '',
    reason: input.reason?.trim() ?? '',
    departureDate: input.departureDate?.trim() ?? '',
  };
  const e = new FieldErrors()
    .date('effectiveDate', r.effectiveDate)
    .text('reason', r.reason, { max: 500 })
    .date('departureDate', r.departureDate, { required: false });
  if (!e.errors.some((x) => x.field === 'effectiveDate') && r.effectiveDate < arrivalDate) {
    e.add('effectiveDate', 'must not be before the arrival date');
  }
  if (!e.errors.some((x) => x.field === 'departureDate') && r.departureDate && r.departureDate < arrivalDate) {
    e.add('departureDate', 'must not be before the arrival date');
  }
  return e.ok ? { ok: true, value: r } : { ok: false, errors: e.errors };
};

export const ACCREDIT_DECISIONS = ['accredit'] as const;

export const validateAccreditRequest = (input: {
  id: string;
  decision: string;
  expectedVersion: number;
}): FieldError[] => {
  const e = new FieldErrors()
    .uuid('id', input.id?.trim())
    .oneOf('decision', input.decision?.trim(), ACCREDIT_DECISIONS);
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)
    e.add('expectedVersion', 'must be a non-negative integer');
  return e.errors;
};
