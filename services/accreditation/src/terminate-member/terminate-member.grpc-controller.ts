import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { TerminateMemberService } from './terminate-member.service';

// Notification of termination (MemberService.TerminateMember).
@Controller()
@UseGuards(RpcRolesGuard)
export class TerminateMemberGrpcController implements Pick<accreditation.MemberServiceController, 'terminateMember'> {
  constructor(private readonly terminations: TerminateMemberService) {}

  // DOMAIN.md: the mission notifies the termination, so a mission user may terminate its own members.
  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'terminateMember')
  async terminateMember(
    request: accreditation.TerminateMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.TerminateMemberResponse> {
    return { member: await this.terminations.terminate(grpcActor(metadata), request) };
  }
}
