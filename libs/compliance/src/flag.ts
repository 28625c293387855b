import { randomUUID } from 'node:crypto';
import type { compliance } from '@ofm/contracts';
import { FLAG_REASONS, type FlagCode } from './flag-reasons';

export type FlagSubjectType = 'mission' | 'member' | 'vehicle';

export interface RaiseFlagInput {
  code: FlagCode;
  /** The service (or officer) raising it, e.g. "vehicles". */
  raisedBy: string;
  missionId: string;
  /** Where the flag concerns a person: the member it is about (the subject, or the owner). */
  memberId?: string;
  subjectType: FlagSubjectType;
  subjectId: string;
  detail: string;
  at: Date;
}

/** A new flag (its own id), with the program, severity and visibility of its reason code. */
export const raiseFlag = (input: RaiseFlagInput): compliance.Flag => {
  const reason = FLAG_REASONS[input.code];
  return {
    id: randomUUID(),
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    missionId: input.missionId,
    reasonCode: input.code,
    program: reason.program,
    severity: reason.severity,
    visibility: reason.visibility,
    raisedBy: input.raisedBy,
    raisedAt: input.at.toISOString(),
    clearedAt: '',
    detail: input.detail,
    ...(input.memberId ? { memberId: input.memberId } : {}),
  };
};

/** What a service that clears a flag knows of it: the id it kept, and what the flag is about. */
export type FlagToClear = Pick<
  compliance.Flag,
  'id' | 'reasonCode' | 'raisedBy' | 'subjectType' | 'subjectId' | 'missionId'
> &
  Partial<Pick<compliance.Flag, 'memberId' | 'detail'>> & { reasonCode: FlagCode };

/**
 * The flag `flag.id` as it closes at `at`. The raise time lives with the register (insights), not
 * with the service that clears, so it is left empty: readers keep the one they have.
 */
export const clearFlag = (flag: FlagToClear, at: Date): compliance.Flag => {
  const reason = FLAG_REASONS[flag.reasonCode];
  return {
    id: flag.id,
    subjectType: flag.subjectType,
    subjectId: flag.subjectId,
    missionId: flag.missionId,
    reasonCode: flag.reasonCode,
    program: reason.program,
    severity: reason.severity,
    visibility: reason.visibility,
    raisedBy: flag.raisedBy,
    raisedAt: '',
    clearedAt: at.toISOString(),
    detail: flag.detail ?? '',
    ...(flag.memberId ? { memberId: flag.memberId } : {}),
  };
};
