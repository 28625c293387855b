import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { checklist } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { ReturnedDocumentService } from './returned-document.service';

export const CHECKLIST_SERVICE = 'ChecklistService';

// The termination checklist (ChecklistService), roles re-checked as at the gateway.
@Controller()
@UseGuards(RpcRolesGuard)
export class ChecklistGrpcController implements checklist.ChecklistServiceController {
  constructor(private readonly returned: ReturnedDocumentService) {}

  // OFM records a return: the document comes back to OFM, so the mission's word is not the proof
  // (docs/domain/termination-checklist.md); mission users read the items on the member.
  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(CHECKLIST_SERVICE, 'recordReturnedDocument')
  async recordReturnedDocument(
    request: checklist.RecordReturnedDocumentRequest,
    metadata?: Metadata,
  ): Promise<checklist.RecordReturnedDocumentResponse> {
    return { member: await this.returned.record(grpcActor(metadata), request) };
  }
}
