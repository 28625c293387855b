import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { ALL_TOPICS, EVENT_TYPES, reciprocity, TOPICS } from '@ofm/contracts';
import { encodeEvent, KafkaMessageBus, MessagingService, provisionTopics } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import {
  createTestDatabase,
  freePort,
  grpcFailure,
  startGroupAtEnd,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@ofm/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { Client } from 'pg';
import { bootstrap } from '../src/bootstrap';
import { accreditationDatabase } from '../src/data-source';
import { createAccreditationClient, type AccreditationClient } from './grpc-client';

// The service as the gateway sees it, for the integration suites: a migrated fresh database, real
// Kafka, the service started in-process on free ports and called over real gRPC with actor
// metadata; its member and mission events read back by an independent kafkajs consumer.

export interface ReceivedEvent {
  headers: Record<string, string>;
  key: string;
  value: any;
}

export interface AccreditationUnderTest {
  db: TestDatabase;
  app: NestFastifyApplication;
  client: AccreditationClient;
  httpPort: number;
  /** A plain connection to the service's database, to look at what it stored. */
  pg: Client;
  /** Every member, mission and law-enforcement partner event published since the start, in order. */
  received: ReceivedEvent[];
  eventFor(type: string, subject: string): Promise<ReceivedEvent>;
  /** Publishes a profile version as the reciprocity service would, and waits until the replica holds it. */
  publishProfile(profile: reciprocity.ReciprocityProfile): Promise<void>;
  stop(): Promise<void>;
}

const headersOf = (m: KafkaMessage): Record<string, string> =>
  Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)]));

/** `label` names the suite's Kafka client and consumer group. */
export async function startAccreditationUnderTest(label: string): Promise<AccreditationUnderTest> {
  const db = await createTestDatabase('accreditation');
  const ds = serviceDataSource(accreditationDatabase, { url: db.url, poolSize: 1 });
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();

  // The broker runs with auto-create off, as in production.
  const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `${label}-admin` });
  await provisionTopics(bus, ALL_TOPICS);
  await bus.disconnect();

  const kafka = new Kafka({ clientId: label, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  // A group of its own at the end of the shared topics: this suite's events, not the broker's history.
  const groupId = uniqueName(label);
  await startGroupAtEnd(groupId, [TOPICS.member, TOPICS.mission, TOPICS.partnerLawEnforcement]);
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({
    topics: [TOPICS.member, TOPICS.mission, TOPICS.partnerLawEnforcement],
    fromBeginning: true,
  });
  const received: ReceivedEvent[] = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        headers: headersOf(message),
        key: message.key?.toString() ?? '',
        value: JSON.parse(message.value!.toString()),
      });
    },
  });

  // The service's logger reads LOG_LEVEL from the process: keep the test output to warnings.
  process.env.LOG_LEVEL = 'warn';
  const httpPort = await freePort();
  const grpcPort = await freePort();
  // The service's own consumer (the reciprocity profile replica) in a group of its own, at the end
  // of the shared topic: other suites' profile versions are not this suite's.
  const serviceGroup = uniqueName(`ofm.accreditation.${label}`);
  await startGroupAtEnd(serviceGroup, [TOPICS.reciprocityProfile]);
  const app = await bootstrap(
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      HTTP_PORT: String(httpPort),
      GRPC_PORT: String(grpcPort),
      LOG_LEVEL: 'warn',
      KAFKA_CONSUMER_GROUP: serviceGroup,
    },
    { exitOnError: false },
  );
  await app.get(MessagingService).ready();
  const producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: `${label}-producer` });
  const client = createAccreditationClient(`127.0.0.1:${grpcPort}`);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  return {
    db,
    app,
    client,
    httpPort,
    pg,
    received,
    eventFor: (type, subject) =>
      waitFor(() => received.find((r) => r.headers.ce_type === type && r.headers.ce_subject === subject), {
        timeoutMs: 30_000,
        what: `${type} for ${subject} on Kafka`,
      }),
    publishProfile: async (profile) => {
      const message = encodeEvent({
        id: randomUUID(),
        type: EVENT_TYPES.profileUpdated.type,
        source: '/ofm/reciprocity',
        subject: profile.country,
        time: new Date().toISOString(),
        data: { profile, previousVersion: profile.version - 1 },
      });
      await producer.publish([{ topic: TOPICS.reciprocityProfile, messages: [message] }]);
      await waitFor(
        async () =>
          (
            await pg.query('SELECT 1 FROM reciprocity_profile_replica WHERE country = $1 AND version = $2', [
              profile.country,
              profile.version,
            ])
          ).rowCount === 1,
        { timeoutMs: 30_000, what: `profile ${profile.country} v${profile.version} in the replica` },
      );
    },
    stop: async () => {
      client.close();
      await producer.disconnect();
      await consumer.disconnect();
      await app.close();
      await pg.end();
      await db.drop();
    },
  };
}

/** The gRPC failure a call ended with (the call must fail). */
export const rpcError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return grpcFailure(error);
};
