import { Controller, UseGuards } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { AccreditationService } from './accreditation.service';
import { MemberService } from './member.service';
import { TerminationService } from './termination.service';

// Roles are re-checked here although the gateway checked them, and every request was checked
// against its proto rules before reaching a handler. Mission users are narrowed to their own mission
// by the services, from the actor alone (another mission's member answers not-found).
@Controller()
@UseGuards(RpcRolesGuard)
@accreditation.MemberServiceControllerMethods()
export class MemberGrpcController implements accreditation.MemberServiceController {
  constructor(
    private readonly members: MemberService,
    private readonly accreditations: AccreditationService,
    private readonly terminations: TerminationService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  async notifyAppointment(
    request: accreditation.NotifyAppointmentRequest,
    metadata?: Metadata,
  ): Promise<accreditation.NotifyAppointmentResponse> {
    return { member: await this.members.notify(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  async getMember(
    request: accreditation.GetMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.GetMemberResponse> {
    return { member: await this.members.get(grpcActor(metadata), request.id.toLowerCase()) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  listMembers(
    request: accreditation.ListMembersRequest,
    metadata?: Metadata,
  ): Promise<accreditation.ListMembersResponse> {
    return this.members.list(grpcActor(metadata), request);
  }

  @Roles('ofm-admin', 'ofm-officer')
  async accreditMember(
    request: accreditation.AccreditMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.AccreditMemberResponse> {
    return { member: await this.accreditations.accredit(grpcActor(metadata), request) };
  }

  // DOMAIN.md: the mission notifies the termination, so a mission user may terminate its own members.
  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  async terminateMember(
    request: accreditation.TerminateMemberRequest,
    metadata?: Metadata,
  ): Promise<accreditation.TerminateMemberResponse> {
    return { member: await this.terminations.terminate(grpcActor(metadata), request) };
  }

  @Roles('law-enforcement', 'ofm-admin', 'ofm-officer')
  async verifyIdCard(
    request: accreditation.VerifyIdCardRequest,
    metadata?: Metadata,
  ): Promise<accreditation.VerifyIdCardResponse> {
    return { verification: await this.members.verifyIdCard(grpcActor(metadata), request.idCardNumber) };
  }
}
