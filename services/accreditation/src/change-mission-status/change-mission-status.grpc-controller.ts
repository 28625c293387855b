import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { missions } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MISSION_SERVICE } from '../mission/mission.grpc-controller';
import { MissionStatusService } from './mission-status.service';

// MissionService.ChangeMissionStatus, answered by its own use case: closing a mission terminates its
// members (terminate-member), so this folder depends on mission and terminate-member, and the mission
// folder (which member reads) depends on neither.
@Controller()
@UseGuards(RpcRolesGuard)
export class ChangeMissionStatusGrpcController implements Pick<
  missions.MissionServiceController,
  'changeMissionStatus'
> {
  constructor(private readonly statuses: MissionStatusService) {}

  // OFM decides a mission's status; the mission itself may not suspend, reopen or close itself.
  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(MISSION_SERVICE, 'changeMissionStatus')
  async changeMissionStatus(
    request: missions.ChangeMissionStatusRequest,
    metadata?: Metadata,
  ): Promise<missions.ChangeMissionStatusResponse> {
    return { mission: await this.statuses.change(grpcActor(metadata), request) };
  }
}
