import type { reciprocity } from '@ofm/contracts';
import type { AgreementEntity } from './agreement.entity';

/** A stored agreement as the proto message: a day not reached yet is empty, no profile version 0. */
export const toAgreementMessage = (row: AgreementEntity): reciprocity.Agreement => ({
  id: row.id,
  country: row.country,
  subject: row.subject,
  status: row.status,
  summary: row.summary,
  documents: row.documents,
  proposedOn: row.proposedOn,
  signedOn: row.signedOn ?? '',
  inForceOn: row.inForceOn ?? '',
  lapsedOn: row.lapsedOn ?? '',
  profileVersion: row.profileVersion ?? 0,
  version: row.version,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});
