import { testKafkaBrokers, uniqueName, startGroupAtEnd } from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export interface SeenEvent {
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: any;
}

// Reads what the service publishes on its topics from now on (a fresh group started at the end, so
// the shared broker's history is not replayed).
export const readTopics = async (topics: string[]): Promise<{ seen: SeenEvent[]; stop: () => Promise<void> }> => {
  const group = uniqueName('ofm.reciprocity.test.reader');
  await startGroupAtEnd(group, topics);
  const kafka = new Kafka({
    clientId: 'reciprocity-int-test',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const consumer: Consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false });
  const seen: SeenEvent[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]),
      );
      seen.push({ topic, key: message.key?.toString() ?? '', headers, value: JSON.parse(message.value!.toString()) });
    },
  });
  return { seen, stop: () => consumer.disconnect() };
};
