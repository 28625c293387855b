import type { MemberCategory, MemberStatus, MissionStatus } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';

// OFM suspends a mission (it may not notify appointments meanwhile), reactivates it, or closes it.
// Closing is final: a mission that reopens is registered again, so its new members start clean.

export type StatusChange = 'suspended' | 'reactivated' | 'closed';

export type StatusChangeDecision = { ok: true; change: StatusChange } | { ok: false; message: string };

const CHANGES: Readonly<Record<MissionStatus, Partial<Record<MissionStatus, StatusChange>>>> = {
  active: { suspended: 'suspended', closed: 'closed' },
  suspended: { active: 'reactivated', closed: 'closed' },
  closed: {},
};

/** Whether a mission may go from one status to another, and what the change is called (its audit action). */
export const decideStatusChange = (from: MissionStatus, to: MissionStatus): StatusChangeDecision => {
  const change = CHANGES[from]?.[to];
  if (change) return { ok: true, change };
  if (from === 'closed') return { ok: false, message: 'A closed mission is closed for good: register it again' };
  if (from === to) return { ok: false, message: `The mission is already ${to}` };
  return { ok: false, message: `A mission cannot go from ${from} to ${to}` };
};

/** Closing ends the appointments still held: notified (pending a decision) and accredited. */
export const isEndedByClosure = (status: MemberStatus): boolean => status === 'notified' || status === 'accredited';

export interface ClosureMember {
  id: string;
  category: MemberCategory;
  principalId?: string | null;
  status: MemberStatus;
}

export interface ClosureTermination<T> {
  member: T;
  /** The principal it follows, '' for a principal or a dependent whose principal is not ended now. */
  principalId: string;
}

/**
 * The order a closure ends its members in: each principal, then its dependents (the order every
 * writer locks and the termination cascades in); then any dependent whose principal was already
 * gone (refused or terminated earlier), which still leaves with the mission.
 */
export const closureTerminations = <T extends ClosureMember>(members: readonly T[]): ClosureTermination<T>[] => {
  const open = members.filter((m) => isEndedByClosure(m.status));
  const principals = open.filter((m) => m.category !== 'dependent');
  const ended = new Set<string>();
  const order: ClosureTermination<T>[] = [];
  for (const principal of principals) {
    order.push({ member: principal, principalId: '' });
    ended.add(principal.id);
    for (const dependent of open.filter((d) => d.category === 'dependent' && d.principalId === principal.id)) {
      order.push({ member: dependent, principalId: principal.id });
      ended.add(dependent.id);
    }
  }
  for (const orphan of open.filter((m) => !ended.has(m.id))) order.push({ member: orphan, principalId: '' });
  return order;
};

/**
 * The day a closure ends an appointment: the day of closing, or the arrival of a member notified
 * ahead of it (an appointment cannot end before its member arrived).
 */
export const closureEffectiveDate = (closedOn: IsoDay, arrivalDate: IsoDay): IsoDay =>
  arrivalDate > closedOn ? arrivalDate : closedOn;
