import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { AccreditMemberService } from './accredit-member.service';

// The accreditation decision (MemberService.AccreditMember).
@Controller()
@UseGuards(RpcRolesGuard)
export class AccreditMemberGrpcController implements Pick<accreditation.MemberServiceController, 'accreditMember'> {
  constructor(private readonly accreditations: AccreditMemberService) {}

  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(MEMBER_SERVICE, 'accreditMember')
  async accreditMember(
    request: accreditation.AccreditMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.AccreditMemberResponse> {
    return { member: await this.accreditations.accredit(grpcActor(metadata), request) };
  }
}
