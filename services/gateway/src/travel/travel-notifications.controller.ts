import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { travel } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, page, withEtag } from '../http/respond';
import { OFFICERS, READERS, SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const TRAVEL_NOTIFICATIONS_PATH = '/api/v1/travel-notifications';
const NOTIFICATION = 'ofm.accreditation.v1.TravelNotification';

// Travel controls (docs/domain/travel-controls.md): served by accreditation's TravelService.
@Controller(TRAVEL_NOTIFICATIONS_PATH)
export class TravelNotificationsController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    tag: 'travel',
    summary: "Notify a member's travel (or ask OFM's approval)",
    description:
      "The sending country's reciprocity profile in force on the departure day decides: beyond its radius of the White House " +
      '(Columbus Circle for UN missions) travel is noted (controls "notify") or waits for approval ("approve"); engagements ' +
      '(official-meeting, university-visit, laboratory-visit) are noticed within the radius where the profile says so. A notice ' +
      'later than the lead time is accepted and raises a travel-notice-late flag. reportedByOfficer (OFM officers only) records ' +
      "a trip made without notice and raises travel-without-notice. A mission user's request for another mission's member answers 404.",
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.SubmitTravelNotificationRequest' },
    answer: { message: NOTIFICATION },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async submit(
    @RpcRequest() request: travel.SubmitTravelNotificationRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { notification } = await this.downstream.travel.submitTravelNotification(request, callAs(actor));
    return created(reply, TRAVEL_NOTIFICATIONS_PATH, answer(NOTIFICATION, notification));
  }

  @Get()
  @ApiRoute({
    tag: 'travel',
    summary: 'List travel notifications',
    description: 'Filters: memberId, missionId, status. A mission user sees only its own mission.',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.ListTravelNotificationsRequest', query: true },
    answer: { message: NOTIFICATION, page: true },
    problems: [422],
  })
  async list(@RpcRequest() request: travel.ListTravelNotificationsRequest, @CurrentActor() actor: Actor) {
    const { notifications, nextCursor } = await this.downstream.travel.listTravelNotifications(request, callAs(actor));
    return page(NOTIFICATION, notifications, nextCursor);
  }

  @Get(':id')
  @ApiRoute({
    tag: 'travel',
    summary: 'One travel notification',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.GetTravelNotificationRequest', path: { id: 'id' } },
    answer: { message: NOTIFICATION },
    problems: [404],
  })
  async get(
    @RpcRequest() request: travel.GetTravelNotificationRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { notification } = await this.downstream.travel.getTravelNotification(request, callAs(actor));
    return withEtag(reply, answer(NOTIFICATION, notification));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiRoute({
    tag: 'travel',
    summary: 'Approve or deny a trip pending approval',
    description: 'Only OFM officers and admins; only a pending-approval notification, once (409 otherwise).',
    roles: OFFICERS,
    request: {
      message: 'ofm.accreditation.v1.DecideTravelNotificationRequest',
      path: { id: 'id' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: NOTIFICATION },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async decide(
    @RpcRequest() request: travel.DecideTravelNotificationRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { notification } = await this.downstream.travel.decideTravelNotification(request, callAs(actor));
    return withEtag(reply, answer(NOTIFICATION, notification));
  }
}
