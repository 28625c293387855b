import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { ChangeMemberService } from './change-member.service';

// Change notification (MemberService.ChangeMember): the mission notifies it, for its own members.
@Controller()
@UseGuards(RpcRolesGuard)
export class ChangeMemberGrpcController implements Pick<accreditation.MemberServiceController, 'changeMember'> {
  constructor(private readonly changes: ChangeMemberService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'changeMember')
  async changeMember(
    request: accreditation.ChangeMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.ChangeMemberResponse> {
    return { member: await this.changes.change(grpcActor(metadata), request) };
  }
}
