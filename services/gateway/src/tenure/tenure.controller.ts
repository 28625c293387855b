import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { tenure } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, withEtag } from '../http/respond';
import { READERS, SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const TENURE_PATH = '/api/v1/tenure';
const MISSION = 'ofm.accreditation.v1.Mission';

// Time in the U.S. and recertification of staff lists (docs/domain/tenure-and-recertification.md):
// served by accreditation's TenureService. The recertification is a command on the mission, so its
// path is under /missions; it lives here with the service that answers it.
@Controller('/api/v1')
export class TenureController {
  constructor(private readonly downstream: Downstream) {}

  @Get('tenure')
  @ApiRoute({
    tag: 'tenure',
    summary: 'Time in the U.S., per member and per mission',
    description:
      'Whole years in post of the serving (notified and accredited) members since their arrival, against the limit of ' +
      'their category (TENURE_LIMIT_YEARS; by default 5 years for administrative-technical and service-staff, none ' +
      'otherwise), and per mission the count, mean, maximum and how many are past their limit. Filters: missionId, ' +
      "pastLimitOnly (the members past their limit; the mission figures still count all). A mission user sees only its own mission; another mission's id answers 404.",
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.GetTenureRequest', query: true },
    answer: { message: 'ofm.accreditation.v1.GetTenureResponse' },
    problems: [404, 422],
  })
  async getTenure(@RpcRequest() request: tenure.GetTenureRequest, @CurrentActor() actor: Actor) {
    return answer(
      'ofm.accreditation.v1.GetTenureResponse',
      await this.downstream.tenure.getTenure(request, callAs(actor)),
    );
  }

  @Post('missions/:id/recertification')
  @HttpCode(200)
  @ApiRoute({
    tag: 'missions',
    summary: "Confirm a mission's staff list (recertification)",
    description:
      'The mission confirms how many serving members it has (besides those it says have left, by id) every ' +
      'RECERTIFICATION_CYCLE_DAYS; the confirmation (who, when) sets the next due date and clears a ' +
      'recertification-overdue flag; the count is recorded beside the count on record (memberCountOnRecord of the ' +
      'event). 422 names the ids that are not serving members of the mission. A mission user confirms only its own ' +
      "mission (another mission's answers 404).",
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.RecertifyMissionRequest', path: { id: 'missionId' } },
    answer: { message: MISSION },
    problems: [404, 422],
    idempotent: true,
  })
  async recertify(
    @RpcRequest() request: tenure.RecertifyMissionRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { mission } = await this.downstream.tenure.recertifyMission(request, callAs(actor));
    return withEtag(reply, answer(MISSION, mission));
  }
}
