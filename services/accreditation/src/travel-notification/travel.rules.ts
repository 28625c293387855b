import type { TravelPurpose, TravelStatus } from '@ofm/contracts';
import type { TravelCentre, TravelControlsOfMember } from '@ofm/reciprocity';
import { getDistance } from 'geolib';

// The travel controls' decisions (DOMAIN.md "Travel controls", docs/domain/travel-controls.md), pure:
// the service feeds them the member's controls (@ofm/reciprocity travelControlsFor, from the profile
// in force on the departure day) and stores what they answer with the notification.

const METRES_PER_MILE = 1609.344;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface Point {
  lat: number;
  lon: number;
}

/**
 * Great-circle distance in miles, rounded to hundredths: the figure stored and shown, and the one the
 * radius is compared with, so a trip answered "25.00 miles" is never "beyond 25 miles".
 */
export const distanceMiles = (from: Point, to: Point): number =>
  Math.round(
    (getDistance({ latitude: from.lat, longitude: from.lon }, { latitude: to.lat, longitude: to.lon }, 0.01) /
      METRES_PER_MILE) *
      100,
  ) / 100;

/** Meetings with state or local officials and visits to universities and laboratories. */
export const isEngagement = (purpose: TravelPurpose): boolean =>
  purpose === 'official-meeting' || purpose === 'university-visit' || purpose === 'laboratory-visit';

export interface TravelRequirement {
  noticeRequired: boolean;
  approvalRequired: boolean;
  distanceMiles: number;
  centre: TravelCentre;
}

/**
 * What the trip needs: beyond the radius (strictly), the profile's controls (notify: a notice;
 * approve: a notice and OFM's approval); an engagement is noticed even within the radius where the
 * profile has engagement notices (notice only). travelControlsFor already made the controls `none`
 * for a category the profile does not cover.
 */
export const travelRequirement = (
  controls: TravelControlsOfMember,
  destination: Point,
  purpose: TravelPurpose,
): TravelRequirement => {
  const distance = distanceMiles(controls.centre, destination);
  const beyond = distance > controls.radiusMiles;
  const approvalRequired = beyond && controls.controls === 'approve';
  const noticeRequired =
    (beyond && controls.controls !== 'none') || (controls.engagementNotices && isEngagement(purpose));
  return { noticeRequired, approvalRequired, distanceMiles: distance, centre: controls.centre };
};

/** Whether the notice came at least `leadTimeHours` before departure; nothing due is always in time. */
export const leadTimeMet = (submittedAt: Date, departsAt: Date, leadTimeHours: number, required: boolean): boolean =>
  !required || departsAt.getTime() - submittedAt.getTime() >= leadTimeHours * HOUR_MS;

/** The status a new notification takes. */
export const initialStatus = (requirement: Pick<TravelRequirement, 'approvalRequired'>): TravelStatus =>
  requirement.approvalRequired ? 'pending-approval' : 'noted';

export type TravelFlagCode = 'travel-notice-late' | 'travel-without-notice';

/**
 * The flag a notification raises: a trip an officer reports as made without notice, where one was
 * due; a notice given later than the lead time. A late notice is still accepted.
 */
export const travelFlag = (input: {
  reportedByOfficer: boolean;
  noticeRequired: boolean;
  leadTimeMet: boolean;
}): TravelFlagCode | null => {
  if (!input.noticeRequired) return null;
  if (input.reportedByOfficer) return 'travel-without-notice';
  return input.leadTimeMet ? null : 'travel-notice-late';
};

export type DatesCheck = { ok: true } | { ok: false; field: 'departsAt' | 'returnsAt'; message: string };

/**
 * A trip returns after it departs; a notice is for a trip to come (a day's grace for a trip that has
 * just begun), but an officer may record one made without notice at any time before now.
 */
export const checkDates = (departsAt: Date, returnsAt: Date, now: Date, reportedByOfficer: boolean): DatesCheck => {
  if (returnsAt.getTime() <= departsAt.getTime())
    return { ok: false, field: 'returnsAt', message: 'returnsAt must be after departsAt' };
  if (reportedByOfficer) {
    if (departsAt.getTime() > now.getTime())
      return { ok: false, field: 'departsAt', message: 'a trip reported as made without notice has departed already' };
    return { ok: true };
  }
  if (departsAt.getTime() < now.getTime() - DAY_MS)
    return { ok: false, field: 'departsAt', message: 'departsAt is more than a day in the past' };
  return { ok: true };
};

export type DecisionCheck = { ok: true; status: 'approved' | 'denied' } | { ok: false; message: string };

/** OFM decides only a trip that waits for its approval, once. */
export const decide = (current: TravelStatus, decision: 'approve' | 'deny'): DecisionCheck => {
  if (current !== 'pending-approval')
    return { ok: false, message: `The travel notification is ${current}: only one pending approval is decided` };
  return { ok: true, status: decision === 'approve' ? 'approved' : 'denied' };
};
