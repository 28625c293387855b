import { addDays, isAfter, type IsoDay } from '@ofm/kernel';

// Objective 2.1: "current information must be validated on a regular schedule". Each mission
// confirms its staff list once every RECERTIFICATION_CYCLE_DAYS; a new mission is first due one
// cycle after its registration, and each confirmation sets the next due date one cycle after it.

export { DEFAULT_RECERTIFICATION_CYCLE_DAYS, firstDueOn } from '../mission/recertification-due.rules';

/** The next due date after a confirmation on `confirmedOn` (early or late, the cycle restarts from it). */
export const nextDueOn = (confirmedOn: IsoDay, cycleDays: number): IsoDay => addDays(confirmedOn, cycleDays);

/** Overdue from the day after the due date: the due date itself is still in time. */
export const isOverdue = (dueOn: IsoDay, today: IsoDay): boolean => isAfter(today, dueOn);

export interface StaffListConfirmation {
  confirmedMemberCount: number;
  departedMemberIds: readonly string[];
}

export type ConfirmationDecision =
  | { ok: true; memberCountOnRecord: number }
  | { ok: false; rule: 'recertification-departed-members'; foreignIds: string[]; message: string };

/**
 * Whether a confirmation can be recorded: every member said to have left is a serving member of the
 * mission. The count confirmed is recorded beside the count on record (serving members less those
 * said to have left) rather than refused when they differ: the difference is what OFM follows up.
 */
export const decideConfirmation = (
  confirmation: StaffListConfirmation,
  servingMemberIds: ReadonlySet<string>,
): ConfirmationDecision => {
  const foreignIds = confirmation.departedMemberIds.filter((id) => !servingMemberIds.has(id));
  if (foreignIds.length > 0)
    return {
      ok: false,
      rule: 'recertification-departed-members',
      foreignIds,
      message: `Not serving members of the mission: ${foreignIds.join(', ')}`,
    };
  return { ok: true, memberCountOnRecord: servingMemberIds.size - confirmation.departedMemberIds.length };
};
