import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { vehicles } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { InsuranceService } from '../insurance/insurance.service';
import { VehicleQueryService } from './vehicle-query.service';
import { VehicleRegistrationService } from './vehicle-registration.service';

// Thin shell over the application services. Roles are checked here (RpcRolesGuard) and every request
// against its declared rules (the platform's validation interceptor) before a method runs; mission
// scope is decided in the services, with the actor received, which answer 404 for another mission's data.
@Controller()
@UseGuards(RpcRolesGuard)
@vehicles.VehicleServiceControllerMethods()
export class VehicleGrpcController implements vehicles.VehicleServiceController {
  constructor(
    private readonly registration: VehicleRegistrationService,
    private readonly queries: VehicleQueryService,
    private readonly insurance: InsuranceService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  async registerVehicle(
    request: vehicles.RegisterVehicleRequest,
    metadata?: Metadata,
  ): Promise<vehicles.RegisterVehicleResponse> {
    return { vehicle: await this.registration.register(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  async getVehicle(request: vehicles.GetVehicleRequest, metadata?: Metadata): Promise<vehicles.GetVehicleResponse> {
    return { vehicle: await this.queries.get(grpcActor(metadata), request.id) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  listVehicles(request: vehicles.ListVehiclesRequest, metadata?: Metadata): Promise<vehicles.ListVehiclesResponse> {
    return this.queries.list(grpcActor(metadata), request);
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  addInsurancePolicy(
    request: vehicles.AddInsurancePolicyRequest,
    metadata?: Metadata,
  ): Promise<vehicles.AddInsurancePolicyResponse> {
    return this.insurance.addPolicy(grpcActor(metadata), request);
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  async listInsurancePolicies(
    request: vehicles.ListInsurancePoliciesRequest,
    metadata?: Metadata,
  ): Promise<vehicles.ListInsurancePoliciesResponse> {
    return { policies: await this.insurance.listPolicies(grpcActor(metadata), request.vehicleId) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  async getInsurancePolicy(
    request: vehicles.GetInsurancePolicyRequest,
    metadata?: Metadata,
  ): Promise<vehicles.GetInsurancePolicyResponse> {
    return { policy: await this.insurance.getPolicy(grpcActor(metadata), request.vehicleId, request.policyId) };
  }

  @Roles('law-enforcement', 'ofm-admin', 'ofm-officer')
  verifyPlate(request: vehicles.VerifyPlateRequest, metadata?: Metadata): Promise<vehicles.VerifyPlateResponse> {
    return this.queries.verifyPlate(grpcActor(metadata), request.plate);
  }
}
