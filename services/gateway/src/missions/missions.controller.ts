import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { missions } from '@ofm/contracts';
import type { Actor } from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '../auth/current-actor.decorator';
import { callAs, Downstream } from '../grpc/downstream';
import { ApiRoute } from '../http/api-route.decorator';
import { answer, created, page, withEtag } from '../http/respond';
import { OFFICERS, READERS } from '../http/roles';
import { RpcRequest } from '../http/rpc-request.decorator';

export const MISSIONS_PATH = '/api/v1/missions';
const MISSION = 'ofm.accreditation.v1.Mission';

@Controller(MISSIONS_PATH)
export class MissionsController {
  constructor(private readonly downstream: Downstream) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    tag: 'missions',
    summary: 'Register a foreign mission',
    roles: OFFICERS,
    request: { message: 'ofm.accreditation.v1.RegisterMissionRequest' },
    answer: { message: MISSION },
    status: 201,
    problems: [409, 422],
    idempotent: true,
  })
  async register(
    @RpcRequest() request: missions.RegisterMissionRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { mission } = await this.downstream.missions.registerMission(request, callAs(actor));
    return created(reply, MISSIONS_PATH, answer(MISSION, mission));
  }

  @Get()
  @ApiRoute({
    tag: 'missions',
    summary: 'List missions',
    description: 'Filters: country, type, status. A mission user sees only its own mission.',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.ListMissionsRequest', query: true },
    problems: [422],
    answer: { message: MISSION, page: true },
  })
  async list(@RpcRequest() request: missions.ListMissionsRequest, @CurrentActor() actor: Actor) {
    const { missions, nextCursor } = await this.downstream.missions.listMissions(request, callAs(actor));
    return page(MISSION, missions, nextCursor);
  }

  @Get(':id')
  @ApiRoute({
    tag: 'missions',
    summary: 'One mission',
    roles: READERS,
    request: { message: 'ofm.accreditation.v1.GetMissionRequest', path: { id: 'id' } },
    answer: { message: MISSION },
    problems: [404],
  })
  async get(
    @RpcRequest() request: missions.GetMissionRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { mission } = await this.downstream.missions.getMission(request, callAs(actor));
    return withEtag(reply, answer(MISSION, mission));
  }

  // A command rather than a PATCH of the mission: closing ends every member's appointment, and the
  // allowed changes are a state machine (POST …/status with the target status, as members' termination).
  @Post(':id/status')
  @HttpCode(200)
  @ApiRoute({
    tag: 'missions',
    summary: "Change a mission's status",
    description:
      'Suspends (active → suspended), reactivates (suspended → active) or closes (active or suspended → closed; final) ' +
      'the mission. A suspended or closed mission may not notify appointments. Closing terminates every notified or ' +
      'accredited member that day, dependents with their principal. Only OFM officers and admins.',
    roles: OFFICERS,
    request: {
      message: 'ofm.accreditation.v1.ChangeMissionStatusRequest',
      path: { id: 'id' },
      ifMatch: 'expectedVersion',
    },
    answer: { message: MISSION },
    problems: [404, 409, 422],
    idempotent: true,
  })
  async changeStatus(
    @RpcRequest() request: missions.ChangeMissionStatusRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { mission } = await this.downstream.missions.changeMissionStatus(request, callAs(actor));
    return withEtag(reply, answer(MISSION, mission));
  }
}
