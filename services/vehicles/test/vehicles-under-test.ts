import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ALL_TOPICS, PROTO_FILES, type EventTypeSpec } from '@ofm/contracts';
import { encodeEvent, KafkaMessageBus, MessagingService } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import {
  CONSUMED_TOPICS,
  createTestDatabase,
  ensureTestTopics,
  freePort,
  startGroupAtEnd,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { startVehicles } from '../src/bootstrap';
import { loadVehiclesConfig, type VehiclesConfig } from '../src/config';
import { vehiclesDatabase } from '../src/data-source';
import { createVehiclesClient, vehiclesServiceClient, type VehiclesClient } from './vehicles-grpc.client';

// The vehicles service as the gateway sees it, for the integration suites: a migrated fresh database,
// the real broker, the service started in-process on free ports (its consumer group at the end of
// the shared topics) and called over real gRPC with actor metadata. Other services' events are put
// on the wire as their outbox relays would; what vehicles publishes is read back by a consumer of
// its own when a suite asks for topics to watch.

export interface SeenEvent {
  topic: string;
  /** The CloudEvents id (ce_id). */
  id: string;
  type: string;
  subject: string;
  data: any;
}

export interface PublishOptions {
  id?: string;
  time?: Date;
  source?: string;
}

export interface VehiclesUnderTest {
  db: TestDatabase;
  app: NestFastifyApplication;
  config: VehiclesConfig;
  /** A connection of the test's own to the service's database, to look at what it stored. */
  ds: DataSource;
  /** VehicleService (vehicle.proto). */
  client: VehiclesClient;
  /** LicenceService (licence.proto). */
  licences: VehiclesClient;
  /** InsuranceFeedService (insurance_feed.proto). */
  feeds: VehiclesClient;
  /** Every event on the watched topics since the start, in order of arrival. */
  seen: SeenEvent[];
  /** Puts an event on its topic as its producer's relay would; resolves to the event's id. */
  publish<T>(spec: EventTypeSpec<T>, subject: string, data: T, options?: PublishOptions): Promise<string>;
  /** Puts the very message published as `eventId` on the wire again (same ce_id): a redelivery. */
  redeliver(eventId: string): Promise<void>;
  /** Waits until the service's inbox holds `eventId`. */
  processed(eventId: string): Promise<void>;
  stop(): Promise<void>;
}

export interface VehiclesUnderTestOptions {
  /** Names the consumer groups and Kafka clients of the suite. */
  label: string;
  /** The test database's name prefix (default vehicles). */
  database?: string;
  /** Variables over the suite defaults (sweeps only when the test calls them). */
  env?: Record<string, string>;
  /** Topics read back into `seen`. */
  watch?: readonly string[];
  /** The CloudEvents source of published events (default /ofm/accreditation). */
  source?: string;
  /** Runs on the migrated database before the service starts (rows the service must find at start). */
  beforeStart?: (migrated: DataSource) => Promise<void>;
}

export async function startVehiclesUnderTest(options: VehiclesUnderTestOptions): Promise<VehiclesUnderTest> {
  const { label } = options;
  process.env.LOG_LEVEL ??= 'warn';
  // The broker runs with auto-create off, as in production.
  await ensureTestTopics([...ALL_TOPICS]);
  const db = await createTestDatabase(options.database ?? 'vehicles');
  const migrator = serviceDataSource(vehiclesDatabase, { url: db.url });
  await runMigrations(migrator);
  await options.beforeStart?.(migrator);
  await migrator.destroy();

  const [grpcPort, httpPort] = await Promise.all([freePort(), freePort()]);
  // Never share partitions with a platform running on the same broker, and start at the end of the
  // shared topics: the broker's history is not this suite's, and replaying it takes minutes.
  const group = uniqueName(`ofm.vehicles.${label}`);
  await startGroupAtEnd(group, CONSUMED_TOPICS.vehicles);
  const config = loadVehiclesConfig({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    GRPC_PORT: String(grpcPort),
    HTTP_PORT: String(httpPort),
    LOG_LEVEL: 'warn',
    // The tests drive the sweeps themselves, on the days they name.
    INSURANCE_SWEEP_INTERVAL_MS: '0',
    KAFKA_CONSUMER_GROUP: group,
    ...options.env,
  });
  const app = await startVehicles(config, { exitOnError: false });
  await app.get(MessagingService).ready();
  const ds = serviceDataSource(vehiclesDatabase, { url: db.url });
  await ds.initialize();
  const address = `127.0.0.1:${grpcPort}`;
  const client = createVehiclesClient(address);
  const licences = vehiclesServiceClient(address, PROTO_FILES.licence, 'LicenceService');
  const feeds = vehiclesServiceClient(address, PROTO_FILES.insuranceFeed, 'InsuranceFeedService');
  const producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `${label}-producer` });
  const seen: SeenEvent[] = [];
  const consumer = options.watch?.length ? await watch(label, options.watch, seen) : undefined;

  const published = new Map<string, { topic: string; message: ReturnType<typeof encodeEvent> }>();
  return {
    db,
    app,
    config,
    ds,
    client,
    licences,
    feeds,
    seen,
    publish: async (spec, subject, data, { id = randomUUID(), time = new Date(), source } = {}) => {
      const message = encodeEvent({
        id,
        type: spec.type,
        source: source ?? options.source ?? '/ofm/accreditation',
        subject,
        time: time.toISOString(),
        data,
      });
      published.set(id, { topic: spec.topic, message });
      await producer.publish([{ topic: spec.topic, messages: [message] }]);
      return id;
    },
    redeliver: async (eventId) => {
      const sent = published.get(eventId);
      if (!sent) throw new Error(`event ${eventId} was not published by this suite`);
      await producer.publish([{ topic: sent.topic, messages: [sent.message] }]);
    },
    processed: async (eventId) => {
      await waitFor(
        async () =>
          ((await ds.query(`SELECT 1 FROM inbox_event WHERE event_id = $1`, [eventId])) as unknown[]).length > 0,
        { timeoutMs: 60_000, what: `event ${eventId} in the inbox` },
      );
    },
    stop: async () => {
      await consumer?.disconnect();
      await producer.disconnect();
      client.close();
      licences.close();
      feeds.close();
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}

// A reader group of its own at the end of the watched topics: this suite's events, not the broker's history.
async function watch(label: string, topics: readonly string[], seen: SeenEvent[]): Promise<Consumer> {
  const groupId = uniqueName(`${label}-readers`);
  await startGroupAtEnd(groupId, [...topics]);
  const consumer = new Kafka({
    clientId: `${label}-readers`,
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      seen.push({
        topic,
        id: message.headers!.ce_id!.toString(),
        type: message.headers!.ce_type!.toString(),
        subject: message.headers!.ce_subject!.toString(),
        data: JSON.parse(message.value!.toString()),
      });
    },
  });
  return consumer;
}
