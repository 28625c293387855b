import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseGuards } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { insuranceFeeds } from '@ofm/contracts';
import { grpcActor, Roles, RpcRolesGuard } from '@ofm/platform';
import { InsuranceFeedService } from './insurance-feed.service';

export const INSURANCE_FEED_SERVICE = 'InsuranceFeedService';

// Insurer feeds are sent by OFM (there is no insurer role: CONTRACT.md's roles are OFM's, missions',
// law enforcement's and auditors'); officers and admins upload, auditors also read.
const UPLOADERS = ['ofm-admin', 'ofm-officer'] as const;

@Controller()
@UseGuards(RpcRolesGuard)
export class InsuranceFeedGrpcController implements insuranceFeeds.InsuranceFeedServiceController {
  constructor(private readonly feeds: InsuranceFeedService) {}

  @Roles(...UPLOADERS)
  @GrpcMethod(INSURANCE_FEED_SERVICE, 'beginInsuranceFeed')
  async beginInsuranceFeed(
    _request: insuranceFeeds.BeginInsuranceFeedRequest,
    metadata?: Metadata,
  ): Promise<insuranceFeeds.BeginInsuranceFeedResponse> {
    return { uploadId: await this.feeds.begin(grpcActor(metadata)) };
  }

  @Roles(...UPLOADERS)
  @GrpcMethod(INSURANCE_FEED_SERVICE, 'appendInsuranceFeedChunk')
  async appendInsuranceFeedChunk(
    request: insuranceFeeds.AppendInsuranceFeedChunkRequest,
  ): Promise<insuranceFeeds.AppendInsuranceFeedChunkResponse> {
    await this.feeds.append(request.uploadId, request.seq, request.data);
    return {};
  }

  @Roles(...UPLOADERS)
  @GrpcMethod(INSURANCE_FEED_SERVICE, 'commitInsuranceFeed')
  commitInsuranceFeed(
    request: insuranceFeeds.CommitInsuranceFeedRequest,
  ): Promise<insuranceFeeds.CommitInsuranceFeedResponse> {
    return this.feeds.commit(request.uploadId, request.chunks);
  }

  @Roles(...UPLOADERS, 'auditor')
  @GrpcMethod(INSURANCE_FEED_SERVICE, 'getInsuranceFeed')
  async getInsuranceFeed(
    request: insuranceFeeds.GetInsuranceFeedRequest,
  ): Promise<insuranceFeeds.GetInsuranceFeedResponse> {
    return { feed: await this.feeds.get(request.id) };
  }
}
