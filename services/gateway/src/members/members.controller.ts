import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, validationFailed, type Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertVisible, isMissionScoped, scopedMissionFilter } from '../auth/mission-scope';
import { Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { expectedVersionFrom } from '../http/etag';
import { pageRequest, toPage, type Page } from '../http/page.dto';
import { created, must, withEtag } from '../http/respond';
import { UuidPipe } from '../http/uuid.pipe';
import {
  AccreditationDecisionDto,
  ListMembersQuery,
  MemberPage,
  MemberView,
  NotifyAppointmentDto,
  TerminationDto,
} from './member.dto';
import { toMemberView } from './member.mapper';

export const MEMBERS_PATH = '/api/v1/members';

const READERS = ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'] as const;

@ApiTags('members')
@Controller(MEMBERS_PATH)
export class MembersController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    summary: 'Notify an appointment (a member or a dependent)',
    description: "A mission user may notify only for its own mission (another mission's id answers 404).",
    roles: ['ofm-admin', 'ofm-officer', 'mission-user'],
    status: 201,
    type: MemberView,
    problems: [404, 409, 422],
    idempotent: true,
  })
  async notify(
    @Body() body: NotifyAppointmentDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberView> {
    const missionId = this.missionFor(actor, body.missionId);
    const { member } = await this.downstream.members.notifyAppointment(
      {
        missionId,
        givenName: body.givenName,
        familyName: body.familyName,
        dateOfBirth: body.dateOfBirth,
        nationality: body.nationality,
        category: body.category,
        title: body.title ?? '',
        visaClass: body.visaClass ?? '',
        passportType: body.passportType ?? '',
        arrivalDate: body.arrivalDate,
        usCitizenOrPermanentResident: body.usCitizenOrPermanentResident ?? false,
        weeklyHours: body.weeklyHours ?? 0,
        transferPolicyAttested: body.transferPolicyAttested ?? false,
        principalId: body.principalId ?? '',
        relationship: body.relationship ?? '',
        residesInWashingtonMetro: body.residesInWashingtonMetro ?? false,
        commercialActivity: body.commercialActivity ?? false,
        pendingSeriousCharge: body.pendingSeriousCharge ?? false,
        expectedDepartureDate: body.expectedDepartureDate ?? '',
        fullTimeStudent: body.fullTimeStudent ?? false,
        disabled: body.disabled ?? false,
      },
      actor,
    );
    return created(reply, MEMBERS_PATH, toMemberView(must(member, 'member')));
  }

  @Get()
  @ApiRoute({
    summary: 'List members',
    description: 'Filters: missionId, status, category. A mission user sees only its own mission.',
    roles: [...READERS],
    type: MemberPage,
    problems: [404],
  })
  async list(@Query() query: ListMembersQuery, @CurrentActor() actor: Actor): Promise<Page<MemberView>> {
    const answer = await this.downstream.members.listMembers(
      {
        page: pageRequest(query),
        missionId: scopedMissionFilter(actor, query.missionId) ?? '',
        status: query.status ?? '',
        category: query.category ?? '',
      },
      actor,
    );
    return toPage(answer.members, answer.nextCursor, toMemberView);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One member, with accreditation status and P&I level',
    roles: [...READERS],
    type: MemberView,
    problems: [404],
  })
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberView> {
    const member = await this.visibleMember(id, actor);
    return withEtag(reply, member);
  }

  @Post(':id/accreditation')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Accredit a member',
    description: 'Answers the member as it now stands; a refusal is 422 with one errors entry per failed criterion.',
    roles: ['ofm-admin', 'ofm-officer'],
    type: MemberView,
    problems: [404, 409, 422],
    idempotent: true,
    ifMatch: true,
  })
  async accredit(
    @Param('id', UuidPipe) id: string,
    @Body() body: AccreditationDecisionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberView> {
    const { member } = await this.downstream.members.accreditMember(
      { id, decision: body.decision, expectedVersion: expectedVersionFrom(ifMatch) },
      actor,
    );
    return withEtag(reply, toMemberView(must(member, 'member')));
  }

  // The mission notifies the end of an appointment (DOMAIN.md), so a mission user may, for its own members.
  @Post(':id/termination')
  @HttpCode(200)
  @ApiRoute({
    summary: 'End an appointment',
    description:
      'Answers the member with status "terminated" and immunityEndsOn (the earlier of departure and effective date + 30 days). ' +
      "A mission user may terminate only its own mission's members.",
    roles: ['ofm-admin', 'ofm-officer', 'mission-user'],
    type: MemberView,
    problems: [404, 409, 422],
    idempotent: true,
    ifMatch: true,
  })
  async terminate(
    @Param('id', UuidPipe) id: string,
    @Body() body: TerminationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberView> {
    if (isMissionScoped(actor)) await this.visibleMember(id, actor);
    const { member } = await this.downstream.members.terminateMember(
      {
        id,
        effectiveDate: body.effectiveDate,
        reason: body.reason,
        departureDate: body.departureDate ?? '',
        expectedVersion: expectedVersionFrom(ifMatch),
      },
      actor,
    );
    return withEtag(reply, toMemberView(must(member, 'member')));
  }

  // Mission users notify for their own mission only; they may leave missionId out.
  private missionFor(actor: Actor, requested: string | undefined): string {
    if (isMissionScoped(actor)) {
      if (requested !== undefined && requested.toLowerCase() !== actor.missionId?.toLowerCase())
        throw notFound('mission', requested);
      return actor.missionId!;
    }
    if (requested === undefined) throw validationFailed([{ field: 'missionId', message: 'missionId must be a UUID' }]);
    return requested;
  }

  private async visibleMember(id: string, actor: Actor): Promise<MemberView> {
    const { member } = await this.downstream.members.getMember({ id }, actor);
    const view = toMemberView(must(member, 'member'));
    assertVisible(actor, view.missionId, 'member', id);
    return view;
  }
}
