import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { accreditation, health, missions, vehicles } from '@ofm/contracts';
import { HealthRegistry, outgoingMetadata, type Actor } from '@ofm/platform';
import {
  ChannelCredentials,
  createChannel,
  createClientFactory,
  Metadata,
  type CallOptions,
  type Channel,
  type Client,
} from 'nice-grpc';
import { deadlineMiddleware, type DeadlineOptions } from 'nice-grpc-client-middleware-deadline';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export type MissionClient = Client<typeof missions.MissionServiceDefinition, DeadlineOptions>;
export type MemberClient = Client<typeof accreditation.MemberServiceDefinition, DeadlineOptions>;
export type VehicleClient = Client<typeof vehicles.VehicleServiceDefinition, DeadlineOptions>;

/** The options of every call: the caller (and the command's request id) in metadata. */
export const callAs = (actor: Actor): CallOptions => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(outgoingMetadata(actor).getMap())) metadata.set(key, String(value));
  return { metadata };
};

// The services behind the gateway: one typed client per gRPC service (generated from proto/ by
// ts-proto's generic definitions), a deadline on every call, and their health in /health/ready.
@Injectable()
export class Downstream implements OnModuleInit, OnApplicationShutdown {
  readonly missions: MissionClient;
  readonly members: MemberClient;
  readonly vehicles: VehicleClient;
  private readonly channels: Record<'accreditation' | 'vehicles', Channel>;
  private readonly health: Record<
    'accreditation' | 'vehicles',
    Client<typeof health.HealthDefinition, DeadlineOptions>
  >;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly registry: HealthRegistry,
  ) {
    const factory = createClientFactory().use(deadlineMiddleware);
    const open = (url: string) => createChannel(url, ChannelCredentials.createInsecure());
    this.channels = { accreditation: open(config.accreditationGrpcUrl), vehicles: open(config.vehiclesGrpcUrl) };
    // A number is a deadline relative to the start of each call.
    const options = { '*': { deadline: config.grpcDeadlineMs } };
    this.missions = factory.create(missions.MissionServiceDefinition, this.channels.accreditation, options);
    this.members = factory.create(accreditation.MemberServiceDefinition, this.channels.accreditation, options);
    this.vehicles = factory.create(vehicles.VehicleServiceDefinition, this.channels.vehicles, options);
    this.health = {
      accreditation: factory.create(health.HealthDefinition, this.channels.accreditation, options),
      vehicles: factory.create(health.HealthDefinition, this.channels.vehicles, options),
    };
  }

  onModuleInit(): void {
    for (const name of ['accreditation', 'vehicles'] as const) {
      // Ready only when the service's own grpc.health.v1 answer is SERVING (its database and Kafka).
      this.registry.register(name, async () => {
        const { status } = await this.health[name].check({ service: '' });
        if (status !== health.HealthCheckResponse_ServingStatus.SERVING) throw new Error(`${name} answers ${status}`);
      });
    }
  }

  onApplicationShutdown(): void {
    for (const channel of Object.values(this.channels)) channel.close();
  }
}
