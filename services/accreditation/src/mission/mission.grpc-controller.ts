import { Controller, UseGuards } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { missions } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MissionService } from './mission.service';

// Roles are re-checked here although the gateway checked them: a caller reaching the service
// directly gets no more than through the gateway. Mission scoping happens in MissionService.
@Controller()
@UseGuards(RpcRolesGuard)
@missions.MissionServiceControllerMethods()
export class MissionGrpcController implements missions.MissionServiceController {
  constructor(private readonly missions: MissionService) {}

  @Roles('ofm-admin', 'ofm-officer')
  async registerMission(
    request: missions.RegisterMissionRequest,
    metadata?: Metadata,
  ): Promise<missions.RegisterMissionResponse> {
    return { mission: await this.missions.register(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  async getMission(request: missions.GetMissionRequest, metadata?: Metadata): Promise<missions.GetMissionResponse> {
    return { mission: await this.missions.get(grpcActor(metadata), request.id.toLowerCase()) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  listMissions(request: missions.ListMissionsRequest, metadata?: Metadata): Promise<missions.ListMissionsResponse> {
    return this.missions.list(grpcActor(metadata), request);
  }
}
