import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { isGrpcError, GrpcStatus, type Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertVisible, isMissionScoped } from '../auth/mission-scope';
import { Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { pageRequest, toPage, type Page } from '../http/page.dto';
import { created, must, withEtag } from '../http/respond';
import { UuidPipe } from '../http/uuid.pipe';
import { ListMissionsQuery, MissionPage, MissionView, RegisterMissionDto } from './mission.dto';
import { toMissionView } from './mission.mapper';

export const MISSIONS_PATH = '/api/v1/missions';

@ApiTags('missions')
@Controller(MISSIONS_PATH)
export class MissionsController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    summary: 'Register a foreign mission',
    roles: ['ofm-admin', 'ofm-officer'],
    status: 201,
    type: MissionView,
    problems: [409, 422],
    idempotent: true,
  })
  async register(
    @Body() body: RegisterMissionDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MissionView> {
    const { mission } = await this.downstream.missions.registerMission(
      {
        name: body.name,
        country: body.country,
        type: body.type,
        consularClass: body.consularClass ?? '',
        address: { ...body.address },
        location: { ...body.location },
        consularDistrict: body.consularDistrict ?? '',
      },
      actor,
    );
    return created(reply, MISSIONS_PATH, toMissionView(must(mission, 'mission')));
  }

  @Get()
  @ApiRoute({
    summary: 'List missions',
    description: 'Filters: country, type, status. A mission user sees only its own mission.',
    roles: ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'],
    type: MissionPage,
  })
  async list(@Query() query: ListMissionsQuery, @CurrentActor() actor: Actor): Promise<Page<MissionView>> {
    if (isMissionScoped(actor)) return this.ownMission(actor, query);
    const answer = await this.downstream.missions.listMissions(
      { page: pageRequest(query), country: query.country ?? '', type: query.type ?? '', status: query.status ?? '' },
      actor,
    );
    return toPage(answer.missions, answer.nextCursor, toMissionView);
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One mission',
    roles: ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'],
    type: MissionView,
    problems: [404],
  })
  async get(
    @Param('id', UuidPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MissionView> {
    assertVisible(actor, id, 'mission', id);
    const { mission } = await this.downstream.missions.getMission({ id }, actor);
    return withEtag(reply, toMissionView(must(mission, 'mission')));
  }

  // A mission user's list is its own mission, if it matches the filters.
  private async ownMission(actor: Actor, q: ListMissionsQuery): Promise<Page<MissionView>> {
    try {
      const { mission } = await this.downstream.missions.getMission({ id: actor.missionId! }, actor);
      const view = toMissionView(must(mission, 'mission'));
      const matches =
        (!q.country || view.country === q.country) &&
        (!q.type || view.type === q.type) &&
        (!q.status || view.status === q.status);
      return { items: matches && !q.cursor ? [view] : [], nextCursor: null };
    } catch (error) {
      if (isGrpcError(error) && error.code === GrpcStatus.NOT_FOUND) return { items: [], nextCursor: null };
      throw error;
    }
  }
}
