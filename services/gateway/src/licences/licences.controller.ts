import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { licences } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, withEtag } from '../http/respond';
import { OFFICERS, READERS, SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const LICENCES_PATH = '/api/v1/licences';
const LICENCE = 'ofm.vehicles.v1.Licence';

// OFM driver licences and their points (vehicles' LicenceService; docs/domain/driver-licences.md).
@Controller(LICENCES_PATH)
export class LicencesController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    tag: 'licences',
    summary: 'Issue a driver licence',
    description:
      'For an accredited member (422 member-not-accredited otherwise; 409 if the member already holds one). ' +
      'A mission user applies only for its own mission’s members.',
    roles: SUBMITTERS,
    request: { message: 'ofm.vehicles.v1.IssueLicenceRequest' },
    answer: { message: LICENCE },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async issue(
    @RpcRequest() request: licences.IssueLicenceRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { licence } = await this.downstream.licences.issueLicence(request, callAs(actor));
    return created(reply, LICENCES_PATH, answer(LICENCE, licence));
  }

  @Get(':id')
  @ApiRoute({
    tag: 'licences',
    summary: 'One licence with its status, points and violations',
    description:
      'Status and points as they stand today (OFM’s day): points within the rolling two years, standing clear, ' +
      'review (8) or suspension (12).',
    roles: READERS,
    request: { message: 'ofm.vehicles.v1.GetLicenceRequest', path: { id: 'id' } },
    answer: { message: LICENCE },
    problems: [404],
  })
  async get(
    @RpcRequest() request: licences.GetLicenceRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { licence } = await this.downstream.licences.getLicence(request, callAs(actor));
    return withEtag(reply, answer(LICENCE, licence));
  }

  @Post(':id/violations')
  @HttpCode(200)
  @ApiRoute({
    tag: 'licences',
    summary: 'Record a violation with its points',
    description:
      '8 points in two years raise a points-threshold flag; 12 suspend the licence until they fall below 12; ' +
      'a DUI with a refused test suspends it from the offence (365 days by default). Answers the licence.',
    roles: OFFICERS,
    request: { message: 'ofm.vehicles.v1.RecordViolationRequest', path: { id: 'licenceId' } },
    answer: { message: LICENCE },
    problems: [404, 422],
    idempotent: true,
  })
  async recordViolation(
    @RpcRequest() request: licences.RecordViolationRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { licence } = await this.downstream.licences.recordViolation(request, callAs(actor));
    return withEtag(reply, answer(LICENCE, licence));
  }
}
