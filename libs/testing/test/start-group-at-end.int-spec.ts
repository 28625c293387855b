import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { uniqueName } from '../src/database';
import { ensureTestTopics, startGroupAtEnd, testKafkaBrokers, uniqueTopic } from '../src/kafka';
import { waitFor } from '../src/wait-for';

// A used machine's broker holds tens of thousands of events on the shared topics; a test's fresh
// consumer group must not replay them. Here a topic of the test's own gets a long history, then a
// group started with startGroupAtEnd must see exactly what is produced afterwards, and see it soon.
jest.setTimeout(120_000);

const HISTORY = 20_000;
const BATCH = 1_000;
const PARTITIONS = 3;

describe('startGroupAtEnd', () => {
  const kafka = new Kafka({ clientId: 'ofm-test-at-end', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = uniqueTopic('at-end');
  let producer: Producer;
  let consumer: Consumer | undefined;

  const produce = async (prefix: string, count: number): Promise<void> => {
    for (let from = 0; from < count; from += BATCH) {
      const n = Math.min(BATCH, count - from);
      await producer.send({
        topic,
        messages: Array.from({ length: n }, (_, i) => ({ key: `k${(from + i) % 97}`, value: `${prefix}-${from + i}` })),
      });
    }
  };

  beforeAll(async () => {
    await ensureTestTopics([topic], PARTITIONS);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await produce('history', HISTORY);
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
  });

  it('skips the history of a topic and misses nothing produced after the call', async () => {
    const groupId = uniqueName('ofm.test.at-end');
    const committed = await startGroupAtEnd(groupId, [topic, topic]);
    expect(committed[topic]).toHaveLength(PARTITIONS);
    expect(committed[topic]!.reduce((sum, p) => sum + Number(p.offset), 0)).toBe(HISTORY);

    // Written after the offsets are set but before any member joins: must be read, not skipped.
    await produce('between', 5);

    const received: string[] = [];
    const startedAt = Date.now();
    consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const joined = new Promise<void>((resolve) => consumer!.on(consumer!.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    // As our consumers subscribe: from the beginning when the group has no committed offset.
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message.value!.toString()) });
    await joined;
    await produce('after', 5);

    const expected = [0, 1, 2, 3, 4].flatMap((i) => [`between-${i}`, `after-${i}`]).sort();
    await waitFor(() => received.length >= expected.length, {
      timeoutMs: 20_000,
      what: `the ${expected.length} messages produced after startGroupAtEnd (received ${received.length})`,
    });
    const elapsedMs = Date.now() - startedAt;
    // A moment for any replayed history to show up before asserting there is none.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([...received].sort()).toEqual(expected);
    expect(received.some((v) => v.startsWith('history-'))).toBe(false);
    expect(elapsedMs).toBeLessThan(15_000);

    // Once the group has a live member, moving its offsets is refused rather than racing the member.
    await expect(startGroupAtEnd(groupId, [topic])).rejects.toThrow(/live members/);
  });

  it('does nothing for no topics and skips topics that do not exist yet', async () => {
    const groupId = uniqueName('ofm.test.at-end');
    await expect(startGroupAtEnd(groupId, [])).resolves.toEqual({});
    await expect(startGroupAtEnd(groupId, [uniqueTopic('not-there')])).resolves.toEqual({});
  });
});
