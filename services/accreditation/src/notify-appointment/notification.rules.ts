import { raiseFlag } from '@ofm/compliance';
import type { accreditation, compliance } from '@ofm/contracts';
import { addDays, daysBetween, missionRestriction, normalizeUuid, type FieldError, type IsoDay } from '@ofm/kernel';
import type { Actor } from '@ofm/platform';

// Notification of appointment: due within 30 days of arrival (or appointment); people staying
// fewer than 90 days need none. A late notification is accepted but flagged (`late-notification`).
export const NOTIFICATION_DEADLINE_DAYS = 30;
export const SHORT_STAY_DAYS = 90;

export interface Stay {
  arrivalDate: IsoDay;
  expectedDepartureDate?: IsoDay | null;
}

/** False only when an expected departure puts the whole stay under 90 days. */
export const notificationRequired = (stay: Stay): boolean =>
  !stay.expectedDepartureDate || daysBetween(stay.arrivalDate, stay.expectedDepartureDate) >= SHORT_STAY_DAYS;

export const notificationDueBy = (stay: Stay): IsoDay => addDays(stay.arrivalDate, NOTIFICATION_DEADLINE_DAYS);

/** Late = required and received more than 30 days after arrival. */
export const isLateNotification = (stay: Stay, notifiedOn: IsoDay): boolean =>
  notificationRequired(stay) && notifiedOn > notificationDueBy(stay);

/**
 * The mission a notification is for: the one it names, or, when it names none, a mission user's own
 * mission. Undefined when there is none: any other caller must name it. Whether the caller may
 * notify for the mission named is decided where the mission is looked up (canSeeMission: another
 * mission answers not-found, as if it did not exist).
 */
export const notifiedMissionId = (requested: string | undefined, actor: Actor): string | undefined =>
  requested !== undefined ? normalizeUuid(requested) : (missionRestriction(actor) ?? undefined);

export const MISSION_ID_REQUIRED: FieldError = {
  field: 'missionId',
  message: 'missionId is required (only a mission user may leave it out, for its own mission)',
};

type Appointment = Pick<
  accreditation.NotifyAppointmentRequest,
  'category' | 'principalId' | 'relationship' | 'dateOfBirth' | 'arrivalDate' | 'expectedDepartureDate'
> &
  Partial<Pick<accreditation.NotifyAppointmentRequest, 'sameSexSpouse'>>;

/**
 * What the proto cannot say of a notification (it checked each field alone): a dependent names its
 * principal and relationship and nobody else may (it would be silently ignored); only a spouse is
 * a same-sex spouse; nobody is born in the future, arrives before birth or is expected to leave
 * before arriving.
 */
export const appointmentProblems = (a: Appointment, today: IsoDay): FieldError[] => {
  const problems: FieldError[] = [];
  const dependent = a.category === 'dependent';
  for (const field of ['principalId', 'relationship'] as const) {
    if (dependent && a[field] === undefined) problems.push({ field, message: `${field} is required for a dependent` });
    if (!dependent && a[field] !== undefined) problems.push({ field, message: `${field} applies only to a dependent` });
  }
  if (a.sameSexSpouse && a.relationship !== 'spouse')
    problems.push({ field: 'sameSexSpouse', message: 'sameSexSpouse applies only to a spouse' });
  if (a.dateOfBirth > today) problems.push({ field: 'dateOfBirth', message: 'dateOfBirth must not be in the future' });
  if (a.arrivalDate < a.dateOfBirth)
    problems.push({ field: 'arrivalDate', message: 'arrivalDate must not be before dateOfBirth' });
  if (a.expectedDepartureDate !== undefined && a.expectedDepartureDate < a.arrivalDate)
    problems.push({ field: 'expectedDepartureDate', message: 'expectedDepartureDate must not be before arrivalDate' });
  return problems;
};

/**
 * The `late-notification` flag of a member notified late: it concerns the member and their mission,
 * and commits with the notification (its program, severity and visibility are FLAG_REASONS').
 */
export const lateNotificationFlag = (
  member: { id: string; missionId: string; arrivalDate: IsoDay },
  notifiedOn: IsoDay,
  at: Date,
): compliance.Flag =>
  raiseFlag({
    code: 'late-notification',
    raisedBy: 'accreditation',
    missionId: member.missionId,
    memberId: member.id,
    subjectType: 'member',
    subjectId: member.id,
    detail: `notified on ${notifiedOn}, ${daysBetween(member.arrivalDate, notifiedOn)} days after arrival on ${member.arrivalDate} (due within ${NOTIFICATION_DEADLINE_DAYS})`,
    at,
  });
