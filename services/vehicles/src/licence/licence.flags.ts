import { clearFlag, raiseFlag } from '@ofm/compliance';
import type { compliance } from '@ofm/contracts';
import { FLAG_RAISED_BY } from '../compliance/flag.factory';

interface FlaggedLicence {
  memberId: string;
  missionId: string;
  number: string;
}

const onHolder = (licence: FlaggedLicence) => ({
  raisedBy: FLAG_RAISED_BY,
  missionId: licence.missionId,
  memberId: licence.memberId,
  subjectType: 'member' as const,
  subjectId: licence.memberId,
});

// The review of DOMAIN.md "8 points in 2 years → review": a points-threshold flag on the holder
// (FLAG_REASONS says its severity and that partners see it).
export const pointsThresholdFlag = (licence: FlaggedLicence, points: number, raisedAt: Date): compliance.Flag =>
  raiseFlag({
    ...onHolder(licence),
    code: 'points-threshold',
    detail: `licence ${licence.number}: ${points} points in the last two years (review at 8, suspension at 12)`,
    at: raisedAt,
  });

/** The points-threshold flag `flagId` as it closes: the points in the window fell below 8 on `on`. */
export const clearedPointsFlag = (
  licence: FlaggedLicence,
  flagId: string,
  points: number,
  on: string,
  clearedAt: Date,
): compliance.Flag =>
  clearFlag(
    {
      ...onHolder(licence),
      id: flagId,
      reasonCode: 'points-threshold',
      detail: `licence ${licence.number}: ${points} points in the two years ending ${on}, below the review at 8`,
    },
    clearedAt,
  );
