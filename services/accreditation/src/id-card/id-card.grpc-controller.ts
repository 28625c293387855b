import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { IdCardService } from './id-card.service';

// ID card renewal and loss (MemberService.RenewIdCard, ReportIdCardLoss): the mission asks for
// both, for its own members.
@Controller()
@UseGuards(RpcRolesGuard)
export class IdCardGrpcController implements Pick<
  accreditation.MemberServiceController,
  'renewIdCard' | 'reportIdCardLoss'
> {
  constructor(private readonly cards: IdCardService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'renewIdCard')
  async renewIdCard(
    request: accreditation.RenewIdCardRequest,
    metadata?: Metadata,
  ): Promise<accreditation.RenewIdCardResponse> {
    return { member: await this.cards.renew(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'reportIdCardLoss')
  async reportIdCardLoss(
    request: accreditation.ReportIdCardLossRequest,
    metadata?: Metadata,
  ): Promise<accreditation.ReportIdCardLossResponse> {
    return { member: await this.cards.reportLoss(grpcActor(metadata), request) };
  }
}
