import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS } from '@ofm/contracts';
import { startMessaging, type Messaging } from '@ofm/messaging';
import { HealthRegistry } from '@ofm/platform';
import { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { AccreditationReplicaHandlers } from '../replica/accreditation-replica.handlers';
import { VEHICLES_CONFIG } from '../shared/tokens';

export const SERVICE_NAME = 'vehicles';

// The outbox relay, the consumer of accreditation's topics (group ofm.vehicles) and the Kafka
// readiness check. Stops before the database closes, so no handler loses its connection mid-way.
@Injectable()
export class VehiclesMessaging implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private messaging: Messaging | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly replica: AccreditationReplicaHandlers,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.messaging = await startMessaging({
      serviceName: SERVICE_NAME,
      dataSource: this.dataSource,
      brokers: this.config.KAFKA_BROKERS,
      consumers: [this.replica.consumer()],
      // Flags are raised by this service on the compliance topic, which no event type of ours names.
      topics: { publishes: [TOPICS.complianceFlag] },
      // Set only by test platforms sharing the broker with a running one; otherwise ofm.vehicles.
      groupId: this.config.KAFKA_CONSUMER_GROUP,
    });
    this.health.register('kafka', () => this.messaging!.check());
  }

  /** Resolves once topics exist and the consumer has started. */
  ready(): Promise<void> {
    return this.messaging ? this.messaging.ready : Promise.reject(new Error('messaging not started'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.messaging?.stop();
  }
}
