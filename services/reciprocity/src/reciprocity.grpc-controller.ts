import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { reciprocity } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { AgreementService } from './agreement/agreement.service';
import { ProfileService } from './profile/profile.service';

export const RECIPROCITY_SERVICE = 'ReciprocityService';

// Thin shell over the application services. Roles are checked here (RpcRolesGuard) and every request
// against its declared rules (the platform's validation interceptor) before a method runs. Profiles
// are not secret: every OFM role and mission users read them (law enforcement has no use for them);
// only OFM admins change them. Agreements are OFM's working files: officers and admins read them.
@Controller()
@UseGuards(RpcRolesGuard)
export class ReciprocityGrpcController implements reciprocity.ReciprocityServiceController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly agreements: AgreementService,
  ) {}

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(RECIPROCITY_SERVICE, 'getProfile')
  async getProfile(request: reciprocity.GetProfileRequest): Promise<reciprocity.GetProfileResponse> {
    return { profile: await this.profiles.get(request.country, request.asOf) };
  }

  @Roles('ofm-admin')
  @GrpcMethod(RECIPROCITY_SERVICE, 'updateProfile')
  async updateProfile(
    request: reciprocity.UpdateProfileRequest,
    metadata?: Metadata,
  ): Promise<reciprocity.UpdateProfileResponse> {
    return { profile: await this.profiles.update(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(RECIPROCITY_SERVICE, 'listProfileHistory')
  async listProfileHistory(
    request: reciprocity.ListProfileHistoryRequest,
  ): Promise<reciprocity.ListProfileHistoryResponse> {
    return { profiles: await this.profiles.history(request.country) };
  }

  @Roles('ofm-admin', 'ofm-officer', 'auditor', 'mission-user')
  @GrpcMethod(RECIPROCITY_SERVICE, 'getMeasures')
  async getMeasures(request: reciprocity.GetMeasuresRequest): Promise<reciprocity.GetMeasuresResponse> {
    return { measures: await this.profiles.measures(request.asOf) };
  }

  @Roles('ofm-admin')
  @GrpcMethod(RECIPROCITY_SERVICE, 'recordAgreement')
  async recordAgreement(
    request: reciprocity.RecordAgreementRequest,
    metadata?: Metadata,
  ): Promise<reciprocity.RecordAgreementResponse> {
    return { agreement: await this.agreements.record(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin')
  @GrpcMethod(RECIPROCITY_SERVICE, 'changeAgreementStatus')
  async changeAgreementStatus(
    request: reciprocity.ChangeAgreementStatusRequest,
    metadata?: Metadata,
  ): Promise<reciprocity.ChangeAgreementStatusResponse> {
    return { agreement: await this.agreements.changeStatus(grpcActor(metadata), request) };
  }

  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(RECIPROCITY_SERVICE, 'listAgreements')
  async listAgreements(request: reciprocity.ListAgreementsRequest): Promise<reciprocity.ListAgreementsResponse> {
    return { agreements: await this.agreements.list(request.country, request.status) };
  }

  @Roles('ofm-admin', 'ofm-officer')
  @GrpcMethod(RECIPROCITY_SERVICE, 'getAgreement')
  async getAgreement(request: reciprocity.GetAgreementRequest): Promise<reciprocity.GetAgreementResponse> {
    return { agreement: await this.agreements.get(request.id) };
  }
}
