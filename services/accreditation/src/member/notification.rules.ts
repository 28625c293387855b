import { addDays, daysBetween, type IsoDate } from '../shared/calendar.util';

// Notification of appointment: due within 30 days of arrival (or appointment); people staying
// fewer than 90 days need none. A late notification is accepted but flagged (`late-notification`).
export const NOTIFICATION_DEADLINE_DAYS = 30;
export const SHORT_STAY_DAYS = 90;

export interface Stay {
  arrivalDate: IsoDate;
  expectedDepartureDate?: IsoDate | '';
}

/** False only when an expected departure puts the whole stay under 90 days. */
export const notificationRequired = (stay: Stay): boolean =>
  !stay.expectedDepartureDate || daysBetween(stay.arrivalDate, stay.expectedDepartureDate) >= SHORT_STAY_DAYS;

export const notificationDueBy = (stay: Stay): IsoDate => addDays(stay.arrivalDate, NOTIFICATION_DEADLINE_DAYS);

/** Late = required and received more than 30 days after arrival. */
export const isLateNotification = (stay: Stay, notifiedOn: IsoDate): boolean =>
  notificationRequired(stay) && notifiedOn > notificationDueBy(stay);
