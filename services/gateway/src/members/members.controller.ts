import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { accreditation } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, page, withEtag } from '../http/respond';
import { OFFICERS, READERS, SUBMITTERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const MEMBERS_PATH = '/api/v1/members';
const MEMBER = 'ofm.accreditation.v1.Member';

@Controller(MEMBERS_PATH)
export class MembersController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    tag: 'members',
    summary: 'Notify an appointment (a member or a dependent)',
    description:
      "missionId is required, except for a mission user, whose own mission it is when absent (another mission's id answers 404).",
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.NotifyAppointmentRequest' },
    answer: { message: MEMBER },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async notify(
    @RpcRequest() request: accreditation.NotifyAppointmentRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.notifyAppointment(request, callAs(actor));
    return created(reply, MEMBERS_PATH, answer(MEMBER, member));
  }

  @Get()
  @ApiRoute({
    tag: 'members',
    summary: 'List members',
    description: 'Filters: missionId, status, category. A mission user sees only its own mission.',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.ListMembersRequest', query: true },
    answer: { message: MEMBER, page: true },
    problems: [404, 422],
  })
  async list(@RpcRequest() request: accreditation.ListMembersRequest, @CurrentActor() actor: Actor) {
    const { members, nextCursor } = await this.downstream.members.listMembers(request, callAs(actor));
    return page(MEMBER, members, nextCursor);
  }

  @Get(':id')
  @ApiRoute({
    tag: 'members',
    summary: 'One member, with accreditation status and P&I level',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.GetMemberRequest', path: { id: 'id' } },
    answer: { message: MEMBER },
    problems: [404],
  })
  async get(
    @RpcRequest() request: accreditation.GetMemberRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.getMember(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }

  @Post(':id/accreditation')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'Accredit a member',
    description: 'Answers the member as it now stands; a refusal is 422 with one errors entry per failed criterion.',
    roles: OFFICERS,
    request: { message: 'ofm.accreditation.v1.AccreditMemberRequest', path: { id: 'id' }, ifMatch: 'expectedVersion' },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async accredit(
    @RpcRequest() request: accreditation.AccreditMemberRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.accreditMember(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }

  // The mission notifies the end of an appointment (DOMAIN.md), so a mission user may, for its own members.
  @Post(':id/termination')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'End an appointment',
    description:
      'Answers the member with status "terminated" and immunityEndsOn (the earlier of departure and effective date + 30 days). ' +
      "A mission user may terminate only its own mission's members.",
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.TerminateMemberRequest', path: { id: 'id' }, ifMatch: 'expectedVersion' },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async terminate(
    @RpcRequest() request: accreditation.TerminateMemberRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.terminateMember(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }
  // The rest of a member's life (docs/domain/member-lifecycle.md): each is notified by the mission,
  // so a mission user may, for its own members; each answers the member as it now stands, with its ETag.
  @Post(':id/changes')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'Notify a change of title, category, residence or household',
    description:
      'Only the fields given change; an accredited member whose category changes is decided again (a refusal changes nothing and is 422 ' +
      'with one errors entry per failed criterion), and its immunity level and ID card follow. A change to or from a diplomatic rank is a promotion.',
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.ChangeMemberRequest', path: { id: 'id' }, ifMatch: 'expectedVersion' },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async change(
    @RpcRequest() request: accreditation.ChangeMemberRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.changeMember(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }

  @Post(':id/promotion')
  @HttpCode(201)
  @ApiRoute({
    tag: 'members',
    summary: 'Promote a member to a new appointment',
    description:
      'Terminates the current appointment (reason "promotion", immunity until startsOn) and answers the new appointment of the same person ' +
      '(new id, same pid, previousAppointmentId, status "notified"); dependents move to it.',
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.PromoteMemberRequest', path: { id: 'id' }, ifMatch: 'expectedVersion' },
    answer: { message: MEMBER },
    status: 201,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async promote(
    @RpcRequest() request: accreditation.PromoteMemberRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.promoteMember(request, callAs(actor));
    return created(reply, MEMBERS_PATH, answer(MEMBER, member));
  }

  @Post(':id/id-card/renewal')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'Renew the ID card',
    description:
      'The card keeps its number and gets a new expiry: the earliest of the validity, the expected departure, the visa (visaExpiresOn, when renewed with it) ' +
      "and a child's eligibility. 422 when that would not extend the card.",
    roles: SUBMITTERS,
    request: { message: 'ofm.accreditation.v1.RenewIdCardRequest', path: { id: 'id' }, ifMatch: 'expectedVersion' },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async renewIdCard(
    @RpcRequest() request: accreditation.RenewIdCardRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.renewIdCard(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }

  @Post(':id/id-card/loss')
  @HttpCode(200)
  @ApiRoute({
    tag: 'members',
    summary: 'Report the ID card lost or stolen',
    description:
      'The old number verifies "reported-lost" or "reported-stolen" from now on; the member is answered with its replacement card (new number, same colour and expiry).',
    roles: SUBMITTERS,
    request: {
      message: 'ofm.accreditation.v1.ReportIdCardLossRequest',
      path: { id: 'id' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: MEMBER },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async reportIdCardLoss(
    @RpcRequest() request: accreditation.ReportIdCardLossRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { member } = await this.downstream.members.reportIdCardLoss(request, callAs(actor));
    return withEtag(reply, answer(MEMBER, member));
  }
}
