import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MemberService } from './member.service';

/** The gRPC service whose methods the member controllers answer between them. */
export const MEMBER_SERVICE = 'MemberService';

// Roles are re-checked here although the gateway checked them, and every request was checked
// against its proto rules before reaching a handler. Mission users are narrowed to their own mission
// by the services, from the actor alone (another mission's member answers not-found).
// The reads of MemberService; each use case (notify-appointment, accredit-member, terminate-member,
// verify-member) answers its own method, so this folder depends on none of them.
@Controller()
@UseGuards(RpcRolesGuard)
export class MemberGrpcController implements Pick<accreditation.MemberServiceController, 'getMember' | 'listMembers'> {
  constructor(private readonly members: MemberService) {}

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'getMember')
  async getMember(
    request: accreditation.GetMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.GetMemberResponse> {
    return { member: await this.members.get(grpcActor(metadata), request.id.toLowerCase()) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'listMembers')
  listMembers(
    request: accreditation.ListMembersRequest,
    metadata?: Metadata,
  ): Promise<accreditation.ListMembersResponse> {
    return this.members.list(grpcActor(metadata), request);
  }
}
