import { raiseFlag } from '@ofm/compliance';
import type { compliance } from '@ofm/contracts';
import { FLAG_RAISED_BY } from '../compliance/flag.factory';

// The review of DOMAIN.md "8 points in 2 years → review": a points-threshold flag on the holder
// (FLAG_REASONS says its severity and that partners see it).
export const pointsThresholdFlag = (
  licence: { memberId: string; missionId: string; number: string },
  points: number,
  raisedAt: Date,
): compliance.Flag =>
  raiseFlag({
    code: 'points-threshold',
    raisedBy: FLAG_RAISED_BY,
    missionId: licence.missionId,
    memberId: licence.memberId,
    subjectType: 'member',
    subjectId: licence.memberId,
    detail: `licence ${licence.number}: ${points} points in the last two years (review at 8, suspension at 12)`,
    at: raisedAt,
  });
