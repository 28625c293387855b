import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { accreditation } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { MEMBER_SERVICE } from '../member/member.grpc-controller';
import { NotifyAppointmentService } from './notify-appointment.service';

// Notification of appointment (MemberService.NotifyAppointment).
@Controller()
@UseGuards(RpcRolesGuard)
export class NotifyAppointmentGrpcController implements Pick<
  accreditation.MemberServiceController,
  'notifyAppointment'
> {
  constructor(private readonly members: NotifyAppointmentService) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(MEMBER_SERVICE, 'notifyAppointment')
  async notifyAppointment(
    request: accreditation.NotifyAppointmentRequest,
    metadata?: Metadata,
  ): Promise<accreditation.NotifyAppointmentResponse> {
    return { member: await this.members.notify(grpcActor(metadata), request) };
  }
}
