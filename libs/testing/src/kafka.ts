import { Kafka, logLevel } from 'kafkajs';
import { uniqueName } from './database';

export const testKafkaBrokers = (): string[] => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** A fresh topic name, so that suites never read each other's events. */
export const uniqueTopic = (prefix: string): string => uniqueName(`test.${prefix}`).replace(/_/g, '.');

/** Creates the topics if missing (the broker runs with auto-create off, as in production). */
export async function ensureTestTopics(topics: string[], partitions = 3): Promise<void> {
  const admin = new Kafka({
    clientId: 'ofm-test-admin',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
