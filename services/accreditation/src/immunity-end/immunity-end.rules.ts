import type { IsoDay } from '@ofm/kernel';

// A terminated person's immunity runs through immunityEndsOn (the earlier of departure and the end of
// the 30 or 60 days, termination.rules.ts); law enforcement hears that it ended the day after, once.

/** Whether the immunity-ended notice is due on `on` for a member not yet announced. */
export const immunityEndToAnnounce = (
  member: { status: string; immunityEndsOn: IsoDay | null },
  checklist: { immunityEndAnnouncedAt: Date | null } | null,
  on: IsoDay,
): boolean =>
  member.status === 'terminated' &&
  member.immunityEndsOn !== null &&
  member.immunityEndsOn < on &&
  !checklist?.immunityEndAnnouncedAt;
