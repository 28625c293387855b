import { flagReason } from '@ofm/compliance';
import type { compliance, FlagProgram, FlagSeverity, FlagStatus, FlagVisibility } from '@ofm/contracts';

// How the register folds a flag's events into its row, as pure decisions. Events of one flag keep
// their order on the topic (keyed by flag id), but a replay or a repartition may still bring a clear
// before its raise: whatever the order, a flag that was cleared stays cleared, and the raise fills in
// what only it knows (the raise time and the detail).

export interface FlagRow {
  id: string;
  code: string;
  program: FlagProgram;
  severity: FlagSeverity;
  visibility: FlagVisibility;
  subjectType: string;
  subjectId: string;
  missionId: string;
  memberId: string | null;
  raisedBy: string;
  detail: string;
  status: FlagStatus;
  raisedAt: Date | null;
  clearedAt: Date | null;
  clearedReason: string | null;
}

export type FlagEventProblem = { ok: false; problem: string };

const instant = (iso: string): Date | null => (iso ? new Date(iso) : null);

/**
 * What the event says of the flag itself. Program, severity and visibility come with the flag;
 * a flag raised before programs existed (program empty) takes its code's (FLAG_REASONS).
 */
const describedBy = (flag: compliance.Flag): { ok: true; row: FlagRow } | FlagEventProblem => {
  if (!flag.id || !flag.missionId || !flag.reasonCode)
    return { ok: false, problem: 'a flag needs id, missionId and reasonCode' };
  const reason = flagReason(flag.reasonCode);
  const program = (flag.program || reason?.program) as FlagProgram | undefined;
  if (!program)
    return { ok: false, problem: `flag ${flag.id}: no program, and code ${flag.reasonCode} is not one we know` };
  return {
    ok: true,
    row: {
      id: flag.id,
      code: flag.reasonCode,
      program,
      severity: (flag.severity || reason?.severity || 'medium') as FlagSeverity,
      visibility: (flag.visibility || reason?.visibility || 'internal') as FlagVisibility,
      subjectType: flag.subjectType,
      subjectId: flag.subjectId,
      missionId: flag.missionId,
      memberId: flag.memberId || null,
      raisedBy: flag.raisedBy,
      detail: flag.detail,
      status: 'open',
      raisedAt: instant(flag.raisedAt),
      clearedAt: null,
      clearedReason: null,
    },
  };
};

/** The row after a raise: new and open, or the raise's facts added to a row a clear already closed. */
export const afterRaised = (
  current: FlagRow | undefined,
  flag: compliance.Flag,
): { ok: true; row: FlagRow } | FlagEventProblem => {
  const described = describedBy(flag);
  if (!described.ok || !current) return described;
  if (current.status === 'open') return { ok: true, row: current };
  return {
    ok: true,
    row: { ...described.row, status: 'cleared', clearedAt: current.clearedAt, clearedReason: current.clearedReason },
  };
};

/**
 * The row after a clear: the open flag closed; a flag not yet seen stored as cleared (its raise will
 * fill in the rest); an already cleared flag keeps its first clear.
 */
export const afterCleared = (
  current: FlagRow | undefined,
  flag: compliance.Flag,
  reason: string,
  at: Date,
): { ok: true; row: FlagRow } | FlagEventProblem => {
  const clearedAt = instant(flag.clearedAt) ?? at;
  if (current?.status === 'cleared') return { ok: true, row: current };
  if (current) return { ok: true, row: { ...current, status: 'cleared', clearedAt, clearedReason: reason } };
  const described = describedBy(flag);
  if (!described.ok) return described;
  return { ok: true, row: { ...described.row, status: 'cleared', clearedAt, clearedReason: reason } };
};
