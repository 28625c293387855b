import type { Command } from 'commander';
import { ALL_TOPICS } from '@ofm/contracts';
import { DEFAULT_BROKERS, loadMessaging, withBus } from '../kafka';

export const registerTopicsCommand = (program: Command): void => {
  program
    .command('topics')
    .description('create every platform topic and its dead-letter twin (idempotent)')
    .option('--brokers <list>', 'Kafka brokers, comma-separated (env KAFKA_BROKERS)', DEFAULT_BROKERS)
    .option('--partitions <n>', 'partitions of a new topic', '3')
    .option('--replication-factor <n>', 'replication factor of a new topic', '1')
    .action(async (opts: { brokers: string; partitions: string; replicationFactor: string }) => {
      const { provisionTopics } = await loadMessaging();
      const created = await withBus(opts.brokers, (bus) =>
        provisionTopics(bus, ALL_TOPICS, {
          partitions: positive(opts.partitions, '--partitions'),
          replicationFactor: positive(opts.replicationFactor, '--replication-factor'),
        }),
      );
      const existing = ALL_TOPICS.length - created.length;
      process.stdout.write(
        `${created.length} topics created, ${existing} already there\n${created.map((t) => `  + ${t}\n`).join('')}`,
      );
    });
};

export const positive = (value: string, name: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
};
