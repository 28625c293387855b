import type { reciprocity } from '@ofm/contracts';
import type { AgreementEntity } from './agreement.entity';

/** A stored agreement as the proto message: a day not reached yet, and the profile version before entry into force, are absent. */
export const toAgreementMessage = (row: AgreementEntity): reciprocity.Agreement => ({
  id: row.id,
  country: row.country,
  subject: row.subject,
  status: row.status,
  summary: row.summary,
  documents: row.documents,
  proposedOn: row.proposedOn,
  signedOn: row.signedOn ?? undefined,
  inForceOn: row.inForceOn ?? undefined,
  lapsedOn: row.lapsedOn ?? undefined,
  profileVersion: row.profileVersion ?? undefined,
  version: row.version,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});
