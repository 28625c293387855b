import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { vehicles } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { VEHICLE_SERVICE } from '../vehicle/vehicle.grpc-controller';
import { InsuranceCancellationService } from './insurance-cancellation.service';
import { InsuranceRemindersService } from './insurance-reminders.service';
import { InsuranceService } from './insurance.service';

// The insurance methods of VehicleService (the vehicle's are VehicleGrpcController's). Roles are
// checked here and every request against its declared rules before a method runs.
@Controller()
@UseGuards(RpcRolesGuard)
export class InsuranceGrpcController implements Pick<
  vehicles.VehicleServiceController,
  | 'addInsurancePolicy'
  | 'listInsurancePolicies'
  | 'getInsurancePolicy'
  | 'cancelInsurancePolicy'
  | 'listInsuranceReminders'
> {
  constructor(
    private readonly insurance: InsuranceService,
    private readonly cancellation: InsuranceCancellationService,
    private readonly reminders: InsuranceRemindersService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'cancelInsurancePolicy')
  cancelInsurancePolicy(
    request: vehicles.CancelInsurancePolicyRequest,
    metadata?: Metadata,
  ): Promise<vehicles.CancelInsurancePolicyResponse> {
    return this.cancellation.cancel(grpcActor(metadata), request);
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(VEHICLE_SERVICE, 'listInsuranceReminders')
  async listInsuranceReminders(
    request: vehicles.ListInsuranceRemindersRequest,
    metadata?: Metadata,
  ): Promise<vehicles.ListInsuranceRemindersResponse> {
    return { reminders: await this.reminders.list(grpcActor(metadata), request.missionId) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'addInsurancePolicy')
  addInsurancePolicy(
    request: vehicles.AddInsurancePolicyRequest,
    metadata?: Metadata,
  ): Promise<vehicles.AddInsurancePolicyResponse> {
    return this.insurance.addPolicy(grpcActor(metadata), request);
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(VEHICLE_SERVICE, 'listInsurancePolicies')
  async listInsurancePolicies(
    request: vehicles.ListInsurancePoliciesRequest,
    metadata?: Metadata,
  ): Promise<vehicles.ListInsurancePoliciesResponse> {
    return { policies: await this.insurance.listPolicies(grpcActor(metadata), request.vehicleId) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(VEHICLE_SERVICE, 'getInsurancePolicy')
  async getInsurancePolicy(
    request: vehicles.GetInsurancePolicyRequest,
    metadata?: Metadata,
  ): Promise<vehicles.GetInsurancePolicyResponse> {
    return { policy: await this.insurance.getPolicy(grpcActor(metadata), request.vehicleId, request.policyId) };
  }
}
