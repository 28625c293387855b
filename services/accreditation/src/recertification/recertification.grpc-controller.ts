import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { tenure } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { TENURE_SERVICE } from '../shared/grpc-services';
import { RecertificationService } from './recertification.service';

// TenureService.RecertifyMission: missions confirm their own staff list, OFM officers any mission's.
@Controller()
@UseGuards(RpcRolesGuard)
export class RecertificationGrpcController implements Pick<tenure.TenureServiceController, 'recertifyMission'> {
  constructor(private readonly recertifications: RecertificationService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(TENURE_SERVICE, 'recertifyMission')
  async recertifyMission(
    request: tenure.RecertifyMissionRequest,
    metadata?: Metadata,
  ): Promise<tenure.RecertifyMissionResponse> {
    return { mission: await this.recertifications.recertify(grpcActor(metadata), request) };
  }
}
