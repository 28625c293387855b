import { Controller, UseGuards } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { GrpcMethod } from '@nestjs/microservices';
import type { missions } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MissionService } from './mission.service';

/** The gRPC service whose methods the mission controllers answer between them. */
export const MISSION_SERVICE = 'MissionService';

// Roles are re-checked here although the gateway checked them: a caller reaching the service
// directly gets no more than through the gateway. Mission scoping happens in MissionService.
@Controller()
@UseGuards(RpcRolesGuard)
// The registry of missions; changing a mission's status is its own use case (change-mission-status).
export class MissionGrpcController implements Pick<
  missions.MissionServiceController,
  'registerMission' | 'getMission' | 'listMissions'
> {
  constructor(private readonly missions: MissionService) {}

  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(MISSION_SERVICE, 'registerMission')
  async registerMission(
    request: missions.RegisterMissionRequest,
    metadata?: Metadata,
  ): Promise<missions.RegisterMissionResponse> {
    return { mission: await this.missions.register(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(MISSION_SERVICE, 'getMission')
  async getMission(request: missions.GetMissionRequest, metadata?: Metadata): Promise<missions.GetMissionResponse> {
    return { mission: await this.missions.get(grpcActor(metadata), request.id.toLowerCase()) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(MISSION_SERVICE, 'listMissions')
  listMissions(request: missions.ListMissionsRequest, metadata?: Metadata): Promise<missions.ListMissionsResponse> {
    return this.missions.list(grpcActor(metadata), request);
  }
}
