import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { checklist } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, withEtag } from '../http/respond';
import { OFFICERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';
import { MEMBERS_PATH } from './members.controller';

const MEMBER = 'ofm.accreditation.v1.Member';

// The termination checklist (docs/domain/termination-checklist.md), served by accreditation's
// ChecklistService. Only OFM records a return: the document comes back to OFM.
@Controller(MEMBERS_PATH)
export class ReturnedDocumentsController {
  constructor(private readonly downstream: Downstream) {}

  @Post(':id/returned-documents')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'Record a document returned after termination',
    description:
      'Closes the open item of that document and reference (id-card: the card number; plates: the plate number) as ' +
      'returned on returnedOn, and answers the member with its open items. The last one clears the ' +
      'documents-not-returned flag. An item the member does not owe answers 404; one already returned, 409.',
    roles: OFFICERS,
    request: { message: 'ofm.accreditation.v1.RecordReturnedDocumentRequest', path: { id: 'id' } },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async record(
    @RpcRequest() request: checklist.RecordReturnedDocumentRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.checklist.recordReturnedDocument(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }
}
