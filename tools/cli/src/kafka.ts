import type { MessageBus } from '@ofm/messaging';

export const DEFAULT_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

export const brokerList = (value: string): string[] =>
  value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);

// kafkajs 2.2.4 arms a timer with a negative delay (harmless: Node clamps it to 1 ms), and Node 24
// prints a TimeoutNegativeWarning for each; keep an operator's terminal to what matters.
let warningsFiltered = false;
const filterKafkajsTimerWarnings = (): void => {
  if (warningsFiltered) return;
  warningsFiltered = true;
  const others = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'TimeoutNegativeWarning') for (const listener of others) listener(warning);
  });
};

// One bus for one command, always disconnected so the CLI exits.
export const withBus = async <T>(brokers: string, work: (bus: MessageBus) => Promise<T>): Promise<T> => {
  filterKafkajsTimerWarnings();
  const { KafkaMessageBus } = await loadMessaging();
  const bus = new KafkaMessageBus({ brokers: brokerList(brokers), clientId: 'ofm-cli' });
  try {
    return await work(bus);
  } finally {
    await bus.disconnect();
  }
};

// Loaded on demand, so that `ofm token` or `ofm seed` work without Kafka's client being loaded.
export const loadMessaging = (): Promise<typeof import('@ofm/messaging')> => import('@ofm/messaging');
