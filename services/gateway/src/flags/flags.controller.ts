import { Controller, Get } from '@nestjs/common';
import type { insights } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { page } from '../http/respond';
import { READERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const FLAGS_PATH = '/api/v1/flags';
const FLAG = 'ofm.insights.v1.ComplianceFlag';

// The flag register of every program (insights). Law enforcement is not a reader: flags are OFM's
// compliance follow-up with the missions, not a verification answer.
@Controller(FLAGS_PATH)
export class FlagsController {
  constructor(private readonly downstream: Downstream) {}

  @Get()
  @ApiRoute({
    tag: 'flags',
    summary: 'List compliance flags',
    description:
      'Every program’s flags (docs/domain/compliance-flags.md). Filters: missionId, memberId, program, status ' +
      '(open when absent). A mission user sees only its own mission’s flags, internal ones included.',
    roles: READERS,
    request: { message: 'ofm.insights.v1.ListFlagsRequest', query: true },
    answer: { message: FLAG, page: true },
    problems: [422],
  })
  async list(@RpcRequest() request: insights.ListFlagsRequest, @CurrentActor() actor: Actor) {
    const { flags, nextCursor } = await this.downstream.flags.listFlags(request, callAs(actor));
    return page(FLAG, flags, nextCursor);
  }
}
