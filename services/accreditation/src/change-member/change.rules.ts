import type { common, IdCardColor, MemberCategory } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';
import { isDiplomaticTitle, unrecognizedTitleMessage } from '../accredit-member/diplomatic-title.rules';
import type { MemberEntity } from '../member/member.entity';

// A change notification: the mission tells OFM that some facts of a member changed. Only the fields
// the request gives change; each is compared with what is stored, so the event names what really changed.
export interface MemberChange {
  title?: string;
  category?: string;
  residenceAddress?: common.Address;
  fullTimeStudent?: boolean;
  disabled?: boolean;
  residesInWashingtonMetro?: boolean;
}

export const CHANGEABLE_FIELDS = [
  'title',
  'category',
  'residenceAddress',
  'fullTimeStudent',
  'disabled',
  'residesInWashingtonMetro',
] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

type Changeable = Pick<MemberEntity, ChangeableField | 'relationship'>;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the change gives with a value other than the stored one, in CHANGEABLE_FIELDS order. */
export const changedFields = (member: Changeable, change: MemberChange): ChangeableField[] =>
  CHANGEABLE_FIELDS.filter((f) => change[f] !== undefined && !same(change[f], member[f]));

// The diplomatic ranks are accredited on a notification of appointment of their own (a diplomatic
// title, an A-1/G-1 visa, the Chief of Protocol's list): moving into or out of one ends an
// appointment and begins another — a promotion — never a change of the same appointment.
const DIPLOMATIC_RANKS: readonly MemberCategory[] = ['diplomatic-agent', 'io-diplomatic'];

export const needsNewAppointment = (from: MemberCategory, to: MemberCategory): boolean =>
  from !== to && (DIPLOMATIC_RANKS.includes(from) || DIPLOMATIC_RANKS.includes(to));

/** What in the change breaks a rule, each problem naming its field; empty when it may be stored. */
export const changeProblems = (member: Changeable, change: MemberChange): FieldError[] => {
  const problems: FieldError[] = [];
  const from = member.category;
  const to = (change.category ?? from) as MemberCategory;
  if (change.category !== undefined && (from === 'dependent') !== (to === 'dependent')) {
    problems.push({
      field: 'category',
      message: 'A dependent becomes a principal (or the reverse) only by a notification of appointment',
    });
  } else if (needsNewAppointment(from, to)) {
    problems.push({
      field: 'category',
      message: `A change from ${from} to ${to} needs a new appointment: notify it as a promotion (POST /members/{id}/promotion)`,
    });
  }
  const household = (['fullTimeStudent', 'disabled'] as const).filter((f) => change[f] !== undefined);
  if (household.length && !(member.category === 'dependent' && member.relationship === 'child')) {
    for (const field of household) problems.push({ field, message: `${field} is a fact of a dependent child only` });
  }
  const title = change.title ?? member.title;
  if (change.title !== undefined && to === 'diplomatic-agent' && !isDiplomaticTitle(title)) {
    problems.push({ field: 'title', message: unrecognizedTitleMessage(title) });
  }
  if (problems.length === 0 && changedFields(member, change).length === 0) {
    problems.push({ field: 'id', message: 'The change gives no field with a new value: nothing changes' });
  }
  return problems;
};

/**
 * What becomes of the ID card when the member's level is decided again: it stays when the colour
 * does, a card of the new colour (new number: its prefix shows the kind) replaces it when the colour
 * changes, and it is withdrawn when the new level carries no card.
 */
export const cardAfterChange = (
  current: IdCardColor | null | undefined,
  next: IdCardColor | undefined,
): 'keep' | 'reissue' | 'withdraw' | 'none' => {
  if (!current) return next ? 'reissue' : 'none';
  if (!next) return 'withdraw';
  return current === next ? 'keep' : 'reissue';
};
