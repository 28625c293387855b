import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { licences } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { LicenceService } from './licence.service';

// Thin shell over LicenceService (licence.proto's LicenceService). Roles are checked here, the
// request against its declared rules by the platform; mission scope in the service.
export const LICENCE_SERVICE = 'LicenceService';

@Controller()
@UseGuards(RpcRolesGuard)
export class LicenceGrpcController implements licences.LicenceServiceController {
  constructor(private readonly licences: LicenceService) {}

  // A mission applies for its members' licences; OFM issues them.
  @Roles('ofm-admin', 'ofm-officer', 'mission-user')
  @GrpcMethod(LICENCE_SERVICE, 'issueLicence')
  async issueLicence(
    request: licences.IssueLicenceRequest,
    metadata?: Metadata,
  ): Promise<licences.IssueLicenceResponse> {
    return { licence: await this.licences.issue(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'mission-user', 'auditor')
  @GrpcMethod(LICENCE_SERVICE, 'getLicence')
  async getLicence(request: licences.GetLicenceRequest, metadata?: Metadata): Promise<licences.GetLicenceResponse> {
    return { licence: await this.licences.get(grpcActor(metadata), request.id) };
  }

  // Violations are OFM's record (citations reported to it), not the mission's.
  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(LICENCE_SERVICE, 'recordViolation')
  async recordViolation(
    request: licences.RecordViolationRequest,
    metadata?: Metadata,
  ): Promise<licences.RecordViolationResponse> {
    return { licence: await this.licences.recordViolation(grpcActor(metadata), request) };
  }

  @Roles('law-enforcement', 'ofm-admin', 'ofm-officer')
  @GrpcMethod(LICENCE_SERVICE, 'verifyLicence')
  async verifyLicence(
    request: licences.VerifyLicenceRequest,
    metadata?: Metadata,
  ): Promise<licences.VerifyLicenceResponse> {
    return { verification: await this.licences.verify(grpcActor(metadata), request.number) };
  }
}
