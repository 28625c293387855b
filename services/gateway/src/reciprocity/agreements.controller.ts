import { Controller, Get, HttpCode, Post, Res, UseInterceptors } from '@nestjs/common';
import type { reciprocity } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, withEtag } from '../http/respond';
import { OFFICERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';
import { profileWrite } from './profile-body.interceptor';
import { ADMINS } from './roles';

const AGREEMENT = 'ofm.reciprocity.v1.Agreement';
const AGREEMENTS = 'ofm.reciprocity.v1.ListAgreementsResponse';
export const AGREEMENTS_PATH = '/api/v1/agreements';

// Bilateral agreements on reciprocity (objective 1.4): OFM's working files, read by officers and
// admins, recorded and moved on by admins.
@Controller('/api/v1')
export class AgreementsController {
  constructor(private readonly downstream: Downstream) {}

  @Post('countries/:iso2/agreements')
  @HttpCode(201)
  @ApiRoute({
    tag: 'reciprocity',
    summary: 'Record a proposed agreement with a country',
    roles: ADMINS,
    request: { message: 'ofm.reciprocity.v1.RecordAgreementRequest', path: { iso2: 'country' } },
    answer: { message: AGREEMENT },
    status: 201,
    problems: [409, 422],
    idempotent: true,
  })
  async record(
    @RpcRequest() request: reciprocity.RecordAgreementRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { agreement } = await this.downstream.reciprocity.recordAgreement(request, callAs(actor));
    return created(reply, AGREEMENTS_PATH, answer(AGREEMENT, agreement));
  }

  @Get('countries/:iso2/agreements')
  @ApiRoute({
    tag: 'reciprocity',
    summary: "A country's agreements",
    description: 'Filter: status. Newest proposal first.',
    roles: OFFICERS,
    request: { message: 'ofm.reciprocity.v1.ListAgreementsRequest', path: { iso2: 'country' }, query: true },
    // A country has a handful of agreements: all at once, not a page.
    answer: { message: AGREEMENTS },
    problems: [],
  })
  async list(@RpcRequest() request: reciprocity.ListAgreementsRequest, @CurrentActor() actor: Actor) {
    const { agreements } = await this.downstream.reciprocity.listAgreements(request, callAs(actor));
    return answer(AGREEMENTS, { agreements });
  }

  @Get('agreements/:id')
  @ApiRoute({
    tag: 'reciprocity',
    summary: 'One agreement',
    roles: OFFICERS,
    request: { message: 'ofm.reciprocity.v1.GetAgreementRequest', path: { id: 'id' } },
    answer: { message: AGREEMENT },
    problems: [404],
  })
  async get(
    @RpcRequest() request: reciprocity.GetAgreementRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { agreement } = await this.downstream.reciprocity.getAgreement(request, callAs(actor));
    return withEtag(reply, answer(AGREEMENT, agreement));
  }

  @Post('agreements/:id/status')
  @HttpCode(200)
  @UseInterceptors(profileWrite('agreement', 'profile'))
  @ApiRoute({
    tag: 'reciprocity',
    summary: 'Move an agreement on: negotiating, signed, in force, lapsed',
    description:
      'Allowed: proposed → negotiating or lapsed; negotiating → signed or lapsed; signed → in-force or lapsed; ' +
      'in-force → lapsed. Entering into force takes `profile`, the profile it brings, recorded as a new version ' +
      'of the country’s profile effective from `on` and linked to the agreement. If-Match required. Only OFM admins.',
    roles: ADMINS,
    request: {
      message: 'ofm.reciprocity.v1.ChangeAgreementStatusRequest',
      path: { id: 'id' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: AGREEMENT },
    problems: [404, 409, 422, 428],
    idempotent: true,
  })
  async changeStatus(
    @RpcRequest() request: reciprocity.ChangeAgreementStatusRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { agreement } = await this.downstream.reciprocity.changeAgreementStatus(request, callAs(actor));
    return withEtag(reply, answer(AGREEMENT, agreement));
  }
}
