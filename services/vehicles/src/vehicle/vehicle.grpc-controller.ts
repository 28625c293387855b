import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { vehicles } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { VehicleQueryService } from './vehicle-query.service';
import { VehicleRegistrationService } from './vehicle-registration.service';

// Thin shell over the application services. Roles are checked here (RpcRolesGuard) and every request
// against its declared rules (the platform's validation interceptor) before a method runs; mission
// scope is decided in the services, with the actor received, which answer 404 for another mission's data.
// The vehicle's methods of VehicleService; its insurance methods are InsuranceGrpcController's, so
// that insurance depends on vehicle and never the reverse.
export const VEHICLE_SERVICE = 'VehicleService';

@Controller()
@UseGuards(RpcRolesGuard)
export class VehicleGrpcController implements Pick<
  vehicles.VehicleServiceController,
  'registerVehicle' | 'getVehicle' | 'listVehicles' | 'verifyPlate'
> {
  constructor(
    private readonly registration: VehicleRegistrationService,
    private readonly queries: VehicleQueryService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(VEHICLE_SERVICE, 'registerVehicle')
  async registerVehicle(
    request: vehicles.RegisterVehicleRequest,
    metadata?: Metadata,
  ): Promise<vehicles.RegisterVehicleResponse> {
    return { vehicle: await this.registration.register(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(VEHICLE_SERVICE, 'getVehicle')
  async getVehicle(request: vehicles.GetVehicleRequest, metadata?: Metadata): Promise<vehicles.GetVehicleResponse> {
    return { vehicle: await this.queries.get(grpcActor(metadata), request.id) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(VEHICLE_SERVICE, 'listVehicles')
  listVehicles(request: vehicles.ListVehiclesRequest, metadata?: Metadata): Promise<vehicles.ListVehiclesResponse> {
    return this.queries.list(grpcActor(metadata), request);
  }

  @Roles('law-enforcement', 'ofm-admin', 'ofm-officer')
  @GrpcMethod(VEHICLE_SERVICE, 'verifyPlate')
  verifyPlate(request: vehicles.VerifyPlateRequest, metadata?: Metadata): Promise<vehicles.VerifyPlateResponse> {
    return this.queries.verifyPlate(grpcActor(metadata), request.plate);
  }
}
