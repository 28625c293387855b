import { Injectable, Logger } from '@nestjs/common';
import type { verification } from '@ofm/contracts';
import { ProblemDetailsError, problemFromStatus, type Actor } from '@ofm/platform';
import { activeTraceIds } from '@ofm/platform/telemetry';
import { DataSource } from 'typeorm';
import { callAs, Downstream } from '../grpc/downstream';
import { answer } from '../http/respond';
import { VerificationAuditEntity } from './verification-audit.entity';

export const VERIFICATION = 'ofm.common.v1.Verification';

// Law-enforcement verification: the service that owns the card (accreditation), the plate or the
// driver licence (vehicles) decides the answer with the caller's own identity; the gateway records every answer in
// verification_audit before giving it.
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly downstream: Downstream,
    private readonly ds: DataSource,
  ) {}

  async verify(query: verification.VerificationQuery, actor: Actor): Promise<Record<string, unknown>> {
    const found = query.idCard
      ? await this.downstream.members.verifyIdCard({ idCardNumber: query.idCard }, callAs(actor))
      : query.licence
        ? await this.downstream.licences.verifyLicence({ number: query.licence }, callAs(actor))
        : await this.downstream.vehicles.verifyPlate({ plate: query.plate! }, callAs(actor));
    const view = answer(VERIFICATION, found.verification);
    await this.audit(query, actor, String(view.status));
    return view;
  }

  // No unaudited answer: if the record cannot be written, the verification fails.
  private async audit(query: verification.VerificationQuery, actor: Actor, status: string): Promise<void> {
    try {
      await this.ds.getRepository(VerificationAuditEntity).insert({
        occurredAt: new Date(),
        actorSubject: actor.subject,
        actorRoles: actor.roles,
        queryKind: query.idCard ? 'id-card' : query.licence ? 'licence' : 'plate',
        queryValue: query.idCard ?? query.licence ?? query.plate!,
        resultStatus: status,
        traceId: activeTraceIds().trace_id ?? null,
      });
    } catch (error) {
      this.logger.error(error instanceof Error ? error : new Error(String(error)), 'verification audit failed');
      throw new ProblemDetailsError(problemFromStatus(503, 'The verification could not be recorded; retry later'));
    }
  }
}
