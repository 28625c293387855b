import type { Command } from 'commander';
import type { DeadLetter } from '@ofm/messaging';
import { DEFAULT_BROKERS, loadMessaging, withBus } from '../kafka';
import { positive } from '../topics/topics.command';

interface DlqOptions {
  topic: string;
  limit: string;
  brokers: string;
  json?: boolean;
}

export const registerDlqCommand = (program: Command): void => {
  const dlq = program.command('dlq').description('dead letters: list them, or replay them to their original topic');
  const common = (c: Command): Command =>
    c
      .requiredOption('--topic <topic>', 'the topic (or its .dlq twin)')
      .option('--limit <n>', 'at most this many', '50')
      .option('--brokers <list>', 'Kafka brokers, comma-separated (env KAFKA_BROKERS)', DEFAULT_BROKERS);

  common(dlq.command('list').description('dead letters not yet replayed, oldest first'))
    .option('--json', 'one JSON object per line')
    .action(async (opts: DlqOptions) => {
      const { listDeadLetters } = await loadMessaging();
      const letters = await withBus(opts.brokers, (bus) =>
        listDeadLetters(bus, opts.topic, { limit: positive(opts.limit, '--limit') }),
      );
      if (opts.json) {
        process.stdout.write(letters.map((l) => JSON.stringify(l)).join('\n') + (letters.length ? '\n' : ''));
        return;
      }
      process.stdout.write(
        letters.length === 0 ? `no dead letters on ${opts.topic}\n` : letters.map(describe).join('\n') + '\n',
      );
    });

  common(
    dlq
      .command('replay')
      .description('re-publish dead letters to their original topic (consumers skip what they already applied)'),
  ).action(async (opts: DlqOptions) => {
    const { replayDeadLetters } = await loadMessaging();
    const result = await withBus(opts.brokers, (bus) =>
      replayDeadLetters(bus, opts.topic, { limit: positive(opts.limit, '--limit') }),
    );
    const lines = Object.entries(result.byTopic).map(([topic, n]) => `  ${n} → ${topic}`);
    process.stdout.write(`replayed ${result.replayed} dead letters\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
  });
};

const describe = (l: DeadLetter): string =>
  [
    `${l.topic}[${l.partition}]@${l.offset} key=${l.key ?? '-'} from ${l.originalTopic}[${l.originalPartition ?? '?'}]@${l.originalOffset ?? '?'}`,
    `  failed ${l.failedAt ?? '?'} in ${l.consumerGroup ?? '?'}: ${l.error ?? '(no error recorded)'}`,
    `  type ${l.headers['ce_type'] ?? '?'} value ${truncate(l.value ?? '', 200)}`,
  ].join('\n');

const truncate = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);
