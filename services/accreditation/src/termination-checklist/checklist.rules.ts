import { clearFlag, raiseFlag } from '@ofm/compliance';
import type { compliance, OpenItemStatus, ReturnedDocument } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';
import { departureDueBy } from '../terminate-member/termination.rules';

// The termination checklist's rules (docs/domain/termination-checklist.md), free of the database.

export interface ChecklistItem {
  document: ReturnedDocument;
  reference: string;
  dueOn: IsoDay;
  status: OpenItemStatus;
}

/** What the checklist needs of the member: its mission and the dates its termination set. */
export interface TerminatedMember {
  id: string;
  missionId: string;
  status: string;
  terminationEffectiveDate: IsoDay | null;
  departureExtensionRequested: boolean;
}

/**
 * The plates of a terminated owner's vehicle, opened when vehicles reports the registration
 * disposal-due: due, as the ID card, when the person must have left (30 days, 60 on the extension).
 * Undefined for a member not terminated (vehicles reacts to our termination, so this is a replay or
 * a vehicle of a member this service does not know).
 */
export const platesItem = (
  member: TerminatedMember,
  vehicle: { plate: string; vin: string },
): Omit<ChecklistItem, 'status'> | undefined => {
  if (member.status !== 'terminated' || !member.terminationEffectiveDate) return undefined;
  return {
    document: 'plates',
    // A plate is assigned at registration; the VIN names a vehicle that has none yet.
    reference: vehicle.plate || vehicle.vin,
    dueOn: departureDueBy(member.terminationEffectiveDate, member.departureExtensionRequested),
  };
};

/** The open items past due on `on`: due the day before or earlier (the due day itself is in time). */
export const overdueItems = <T extends ChecklistItem>(items: readonly T[], on: IsoDay): T[] =>
  items.filter((i) => i.status === 'open' && i.dueOn < on);

export const openItems = <T extends ChecklistItem>(items: readonly T[]): T[] =>
  items.filter((i) => i.status === 'open');

/** The flag's detail: every overdue item, so the mission sees what to bring back. */
export const documentsNotReturnedDetail = (overdue: readonly ChecklistItem[]): string =>
  `${overdue.length} document${overdue.length === 1 ? '' : 's'} not returned past due: ` +
  overdue.map((i) => `${i.document} ${i.reference} (due ${i.dueOn})`).join(', ');

/** What the sweep does to a member's flag: raise one when items are past due and none is open. */
export const flagToRaise = (
  checklist: { flagId: string | null } | null,
  items: readonly ChecklistItem[],
  on: IsoDay,
): { detail: string } | undefined => {
  if (checklist?.flagId) return undefined;
  const overdue = overdueItems(items, on);
  return overdue.length ? { detail: documentsNotReturnedDetail(overdue) } : undefined;
};

export const documentsNotReturnedFlag = (member: TerminatedMember, detail: string, at: Date): compliance.Flag =>
  raiseFlag({
    code: 'documents-not-returned',
    raisedBy: 'accreditation',
    missionId: member.missionId,
    memberId: member.id,
    subjectType: 'member',
    subjectId: member.id,
    detail,
    at,
  });

/** The flag the member's last return clears: the one kept in its checklist row. */
export const documentsReturnedClear = (
  member: TerminatedMember,
  checklist: { flagId: string | null; flagDetail: string | null },
  at: Date,
): compliance.Flag | undefined =>
  checklist.flagId
    ? clearFlag(
        {
          id: checklist.flagId,
          reasonCode: 'documents-not-returned',
          raisedBy: 'accreditation',
          subjectType: 'member',
          subjectId: member.id,
          missionId: member.missionId,
          memberId: member.id,
          detail: checklist.flagDetail ?? '',
        },
        at,
      )
    : undefined;
