import { addDays, type IsoDay } from '@ofm/kernel';

// Each mission confirms its staff list once a cycle (objective 2.1); a new mission's first
// confirmation is due one cycle after it is registered. Here, beside the mission that is registered
// with it; the confirmations themselves are recertification/'s.

export const DEFAULT_RECERTIFICATION_CYCLE_DAYS = 365;

/** The first due date of a mission registered on `registeredOn`. */
export const firstDueOn = (registeredOn: IsoDay, cycleDays: number): IsoDay => addDays(registeredOn, cycleDays);
