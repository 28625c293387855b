import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { vehicles } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { DisposalService } from '../disposal/disposal.service';
import { PlateLossService } from '../plate/plate-loss.service';
import { TitleService } from '../title/title.service';
import { VEHICLE_SERVICE } from '../vehicle/vehicle.grpc-controller';
import { VehicleRenewalService } from '../vehicle/vehicle-renewal.service';

// The methods of VehicleService for a registration's life after it is issued: renewal, plate
// replacement, the title ledger and disposal. Roles here; each request is checked against its
// declared rules (vehicle.proto) before a method runs; mission scope in the services.
@Controller()
@UseGuards(RpcRolesGuard)
export class VehicleLifecycleGrpcController implements Pick<
  vehicles.VehicleServiceController,
  'renewRegistration' | 'reportPlateLoss' | 'recordDisposal' | 'recordTitle'
> {
  constructor(
    private readonly renewal: VehicleRenewalService,
    private readonly plateLoss: PlateLossService,
    private readonly disposal: DisposalService,
    private readonly titles: TitleService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'renewRegistration')
  async renewRegistration(
    request: vehicles.RenewRegistrationRequest,
    metadata?: Metadata,
  ): Promise<vehicles.RenewRegistrationResponse> {
    return { vehicle: await this.renewal.renew(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'reportPlateLoss')
  async reportPlateLoss(
    request: vehicles.ReportPlateLossRequest,
    metadata?: Metadata,
  ): Promise<vehicles.ReportPlateLossResponse> {
    return { vehicle: await this.plateLoss.report(grpcActor(metadata), request) };
  }

  // OFM receives the plates, so only its officers say they were returned.
  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(VEHICLE_SERVICE, 'recordDisposal')
  async recordDisposal(
    request: vehicles.RecordDisposalRequest,
    metadata?: Metadata,
  ): Promise<vehicles.RecordDisposalResponse> {
    return { vehicle: await this.disposal.record(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'recordTitle')
  async recordTitle(request: vehicles.RecordTitleRequest, metadata?: Metadata): Promise<vehicles.RecordTitleResponse> {
    return { vehicle: await this.titles.record(grpcActor(metadata), request) };
  }
}
