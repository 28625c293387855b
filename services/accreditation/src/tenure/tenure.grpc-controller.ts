import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { tenure } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { TenureService } from './tenure.service';
import { TENURE_SERVICE } from '../shared/grpc-services';

// Roles re-checked here as at the gateway; mission scoping happens in TenureService.
@Controller()
@UseGuards(RpcRolesGuard)
export class TenureGrpcController implements Pick<tenure.TenureServiceController, 'getTenure'> {
  constructor(private readonly tenures: TenureService) {}

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(TENURE_SERVICE, 'getTenure')
  getTenure(request: tenure.GetTenureRequest, metadata?: Metadata): Promise<tenure.GetTenureResponse> {
    return this.tenures.get(grpcActor(metadata), request);
  }
}
