import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { insights } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { FlagQueryService } from './flag-query.service';

export const FLAG_SERVICE = 'FlagService';

// Thin shell: roles here (law enforcement has no business with compliance flags), mission scope in
// the query service.
@Controller()
@UseGuards(RpcRolesGuard)
export class FlagGrpcController implements insights.FlagServiceController {
  constructor(private readonly queries: FlagQueryService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(FLAG_SERVICE, 'listFlags')
  listFlags(request: insights.ListFlagsRequest, metadata?: Metadata): Promise<insights.ListFlagsResponse> {
    return this.queries.list(grpcActor(metadata), request);
  }
}
