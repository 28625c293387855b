import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { PromoteMemberService } from './promote-member.service';

// Promotion (MemberService.PromoteMember): the mission notifies it, for its own members.
@Controller()
@UseGuards(RpcRolesGuard)
export class PromoteMemberGrpcController implements Pick<accreditation.MemberServiceController, 'promoteMember'> {
  constructor(private readonly promotions: PromoteMemberService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'promoteMember')
  async promoteMember(
    request: accreditation.PromoteMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.PromoteMemberResponse> {
    return { member: await this.promotions.promote(grpcActor(metadata), request) };
  }
}
