import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { VerifyMemberService } from './verify-member.service';

// Law-enforcement check of an ID card (MemberService.VerifyIdCard).
@Controller()
@UseGuards(RpcRolesGuard)
export class VerifyMemberGrpcController implements Pick<accreditation.MemberServiceController, 'verifyIdCard'> {
  constructor(private readonly verifications: VerifyMemberService) {}

  @Roles('law-enforcement', 'ofm-admin', 'ofm-officer')
  @GrpcMethod(MEMBER_SERVICE, 'verifyIdCard')
  async verifyIdCard(
    request: accreditation.VerifyIdCardRequest,
    metadata?: Metadata,
  ): Promise<accreditation.VerifyIdCardResponse> {
    return { verification: await this.verifications.verifyIdCard(grpcActor(metadata), request.idCardNumber) };
  }
}
