import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  accreditation,
  checklist,
  health,
  insights,
  insuranceFeeds,
  licences,
  missions,
  reciprocity,
  tenure,
  travel,
  vehicles,
} from '@ofm/contracts';
import { HealthRegistry, outgoingMetadata, type Actor } from '@ofm/platform';
import { serverOf } from '@ofm/registry';
import {
  ChannelCredentials,
  createChannel,
  createClientFactory,
  Metadata,
  type CallOptions,
  type Channel,
  type Client,
  type TsProtoServiceDefinition,
} from 'nice-grpc';
import { deadlineMiddleware, type DeadlineOptions } from 'nice-grpc-client-middleware-deadline';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export type MissionClient = Client<typeof missions.MissionServiceDefinition, DeadlineOptions>;
export type MemberClient = Client<typeof accreditation.MemberServiceDefinition, DeadlineOptions>;
export type VehicleClient = Client<typeof vehicles.VehicleServiceDefinition, DeadlineOptions>;
export type LicenceClient = Client<typeof licences.LicenceServiceDefinition, DeadlineOptions>;
export type InsuranceFeedClient = Client<typeof insuranceFeeds.InsuranceFeedServiceDefinition, DeadlineOptions>;
export type FlagClient = Client<typeof insights.FlagServiceDefinition, DeadlineOptions>;
export type ChecklistClient = Client<typeof checklist.ChecklistServiceDefinition, DeadlineOptions>;
export type TravelClient = Client<typeof travel.TravelServiceDefinition, DeadlineOptions>;
export type TenureClient = Client<typeof tenure.TenureServiceDefinition, DeadlineOptions>;
export type ReciprocityClient = Client<typeof reciprocity.ReciprocityServiceDefinition, DeadlineOptions>;

/** The options of every call: the caller (and the command's request id) in metadata. */
export const callAs = (actor: Actor): CallOptions => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(outgoingMetadata(actor).getMap())) metadata.set(key, String(value));
  return { metadata };
};

// The services behind the gateway: one typed client per gRPC service (generated from proto/ by
// ts-proto's generic definitions), a deadline on every call, and their health in /health/ready.
// Which service serves a gRPC service, and so which channel its client uses, is the service
// registry's to say (libs/registry serverOf); config.grpcUrls holds one address per service behind
// the gateway (the servers of the registry's gateway `calls`).
@Injectable()
export class Downstream implements OnModuleInit, OnApplicationShutdown {
  readonly missions: MissionClient;
  readonly members: MemberClient;
  readonly vehicles: VehicleClient;
  readonly licences: LicenceClient;
  readonly flags: FlagClient;
  readonly insuranceFeeds: InsuranceFeedClient;
  readonly reciprocity: ReciprocityClient;
  readonly travel: TravelClient;
  readonly checklist: ChecklistClient;
  readonly tenure: TenureClient;
  /** By service name. */
  private readonly channels = new Map<string, Channel>();
  private readonly health = new Map<string, Client<typeof health.HealthDefinition, DeadlineOptions>>();

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly registry: HealthRegistry,
  ) {
    const factory = createClientFactory().use(deadlineMiddleware);
    for (const [name, url] of Object.entries(config.grpcUrls)) {
      this.channels.set(name, createChannel(url, ChannelCredentials.createInsecure()));
    }
    // A number is a deadline relative to the start of each call.
    const options = { '*': { deadline: config.grpcDeadlineMs } };
    const clientOf = <D extends TsProtoServiceDefinition>(definition: D) =>
      factory.create(definition, this.channelOf(definition.fullName), options);
    this.missions = clientOf(missions.MissionServiceDefinition);
    this.members = clientOf(accreditation.MemberServiceDefinition);
    this.vehicles = clientOf(vehicles.VehicleServiceDefinition);
    this.licences = clientOf(licences.LicenceServiceDefinition);
    this.flags = clientOf(insights.FlagServiceDefinition);
    this.insuranceFeeds = clientOf(insuranceFeeds.InsuranceFeedServiceDefinition);
    this.reciprocity = clientOf(reciprocity.ReciprocityServiceDefinition);
    this.travel = clientOf(travel.TravelServiceDefinition);
    this.checklist = clientOf(checklist.ChecklistServiceDefinition);
    this.tenure = clientOf(tenure.TenureServiceDefinition);
    for (const [name, channel] of this.channels) {
      this.health.set(name, factory.create(health.HealthDefinition, channel, options));
    }
  }

  private channelOf(grpcService: string): Channel {
    const server = serverOf(grpcService).name;
    const channel = this.channels.get(server);
    if (!channel) {
      throw new Error(
        `${grpcService} is served by ${server}, which has no address: add ${grpcService} to the calls of the gateway in libs/registry`,
      );
    }
    return channel;
  }

  onModuleInit(): void {
    for (const [name, client] of this.health) {
      // Ready only when the service's own grpc.health.v1 answer is SERVING (its database and Kafka).
      this.registry.register(name, async () => {
        const { status } = await client.check({ service: '' });
        if (status !== health.HealthCheckResponse_ServingStatus.SERVING) throw new Error(`${name} answers ${status}`);
      });
    }
  }

  onApplicationShutdown(): void {
    for (const channel of this.channels.values()) channel.close();
  }
}
