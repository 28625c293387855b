import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Client } from '@grpc/grpc-js';
import { PROTO_FILES, type accreditation, type missions, type vehicles } from '@ofm/contracts';
import { HealthRegistry } from '@ofm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { createGrpcClient, type PromiseClient } from './grpc-client';
import { grpcHealthCheck } from './grpc-health';

export type MissionClient = PromiseClient<missions.MissionServiceClient>;
export type MemberClient = PromiseClient<accreditation.MemberServiceClient>;
export type VehicleClient = PromiseClient<vehicles.VehicleServiceClient>;

// The services behind the gateway, one gRPC client each, and their health in /health/ready.
@Injectable()
export class Downstream implements OnModuleInit, OnApplicationShutdown {
  readonly missions: MissionClient;
  readonly members: MemberClient;
  readonly vehicles: VehicleClient;
  private readonly channels: Client[] = [];
  private readonly health: ReturnType<typeof grpcHealthCheck>[];

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly registry: HealthRegistry,
  ) {
    const deadlineMs = config.grpcDeadlineMs;
    const acc = config.accreditationGrpcUrl;
    this.missions = this.open<missions.MissionServiceClient>(
      acc,
      PROTO_FILES.mission,
      'ofm.accreditation.v1.MissionService',
      deadlineMs,
    );
    this.members = this.open<accreditation.MemberServiceClient>(
      acc,
      PROTO_FILES.member,
      'ofm.accreditation.v1.MemberService',
      deadlineMs,
    );
    this.vehicles = this.open<vehicles.VehicleServiceClient>(
      config.vehiclesGrpcUrl,
      PROTO_FILES.vehicle,
      'ofm.vehicles.v1.VehicleService',
      deadlineMs,
    );
    this.health = [
      grpcHealthCheck('accreditation', acc, deadlineMs),
      grpcHealthCheck('vehicles', config.vehiclesGrpcUrl, deadlineMs),
    ];
  }

  onModuleInit(): void {
    this.registry.register('accreditation', this.health[0]!.check);
    this.registry.register('vehicles', this.health[1]!.check);
  }

  onApplicationShutdown(): void {
    for (const channel of this.channels) channel.close();
    for (const h of this.health) h.close();
  }

  private open<C>(url: string, protoFile: string, service: string, deadlineMs: number): PromiseClient<C> {
    const { client, raw } = createGrpcClient<C>({ url, protoFile, service, deadlineMs });
    this.channels.push(raw);
    return client;
  }
}
