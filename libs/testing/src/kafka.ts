import { Kafka, logLevel, type Admin } from 'kafkajs';
import { uniqueName } from './database';

export const testKafkaBrokers = (): string[] => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** A fresh topic name, so that suites never read each other's events. */
export const uniqueTopic = (prefix: string): string => uniqueName(`test.${prefix}`).replace(/_/g, '.');

async function withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({
    clientId: 'ofm-test-admin',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topics if missing (the broker runs with auto-create off, as in production). */
export async function ensureTestTopics(topics: string[], partitions = 3): Promise<void> {
  await withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    }
  });
}

/**
 * Makes a consumer group that has not started yet begin at the current end of `topics`: its
 * committed offset on every partition becomes the partition's high watermark. A fresh group would
 * otherwise start from the beginning (our consumers subscribe `fromBeginning`) and replay the whole
 * history of a shared broker — tens of thousands of events on a used machine — before reaching what
 * the test produces. Everything written from this call on is still consumed. Call it before the
 * group's first member joins (a group with live members is refused); topics that do not exist yet
 * are skipped, having no history. Returns the offsets committed, per topic.
 */
export async function startGroupAtEnd(
  groupId: string,
  topics: readonly string[],
): Promise<Record<string, { partition: number; offset: string }[]>> {
  const committed: Record<string, { partition: number; offset: string }[]> = {};
  if (topics.length === 0) return committed;
  const kafka = new Kafka({
    clientId: 'ofm-test-group-at-end',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const {
      groups: [group],
    } = await admin.describeGroups([groupId]);
    if (group && group.state !== 'Empty' && group.state !== 'Dead') {
      throw new Error(`startGroupAtEnd ${groupId}: the group has live members (state ${group.state})`);
    }
    const existing = new Set(await admin.listTopics());
    const present = [...new Set(topics)].filter((t) => existing.has(t));
    if (present.length === 0) return committed;
    for (const topic of present) {
      committed[topic] = (await admin.fetchTopicOffsets(topic)).map((p) => ({
        partition: p.partition,
        offset: p.high,
      }));
    }
    // One short-lived member joins the group, commits those offsets and leaves: a single join for
    // every topic (admin.setOffsets joins once per topic and then waits out a whole fetch, ~5 s each).
    // It consumes nothing: it starts at the latest offsets, resolves no message and never auto-commits.
    const member = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    await member.connect();
    try {
      const joined = new Promise<void>((resolve, reject) => {
        member.on(member.events.GROUP_JOIN, () => resolve());
        member.on(member.events.CRASH, (e) => reject(e.payload.error));
      });
      await member.subscribe({ topics: present, fromBeginning: false });
      await member.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
      await joined;
      member.pause(present.map((topic) => ({ topic })));
      await member.commitOffsets(
        present.flatMap((topic) => committed[topic]!.map(({ partition, offset }) => ({ topic, partition, offset }))),
      );
    } finally {
      await member.disconnect();
    }
    // Read back: a commit that did not happen fails here, not as a test timing out behind a replay.
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: present })) {
      const missed = committed[topic]!.filter(
        (p) => partitions.find((r) => r.partition === p.partition)?.offset !== p.offset,
      );
      if (missed.length > 0) {
        throw new Error(
          `startGroupAtEnd ${groupId}: offsets on ${topic} not committed (partitions ${missed.map((p) => p.partition).join(', ')})`,
        );
      }
    }
    return committed;
  } finally {
    await admin.disconnect();
  }
}
