import type { insights } from '@ofm/contracts';
import type { FlagEntity } from './flag.entity';

/** The register's row in CONTRACT.md's Flag words (`code`, `status`), for FlagService. */
export const toComplianceFlag = (row: FlagEntity): insights.ComplianceFlag => ({
  id: row.id,
  code: row.code,
  program: row.program,
  severity: row.severity,
  visibility: row.visibility,
  missionId: row.missionId,
  ...(row.memberId ? { memberId: row.memberId } : {}),
  status: row.status,
  // A clear that overtook its raise leaves the raise time unknown until the raise arrives.
  raisedAt: row.raisedAt?.toISOString() ?? '',
  subjectType: row.subjectType,
  subjectId: row.subjectId,
  raisedBy: row.raisedBy,
  detail: row.detail,
  ...(row.clearedAt ? { clearedAt: row.clearedAt.toISOString() } : {}),
});
