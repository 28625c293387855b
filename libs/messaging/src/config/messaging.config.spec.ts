import { baseServiceConfig, ConfigError, loadConfig } from '@ofm/platform';
import { withMessagingConfig } from './messaging.config';

const schema = withMessagingConfig(baseServiceConfig);
const env = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  KAFKA_BROKERS: 'k:9092',
  HTTP_PORT: '1',
  GRPC_PORT: '2',
};
const problemsOf = (extra: Record<string, string>): readonly string[] => {
  try {
    loadConfig(schema, { ...env, ...extra });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('messaging configuration', () => {
  it('keeps published outbox rows 7 days and inbox ids 14, beyond the 7 days Kafka keeps a topic', () => {
    expect(loadConfig(schema, env)).toMatchObject({
      OUTBOX_RETENTION_DAYS: 7,
      INBOX_RETENTION_DAYS: 14,
      KAFKA_TOPIC_RETENTION_DAYS: 7,
    });
    expect(loadConfig(schema, env).KAFKA_CONSUMER_GROUP).toBeUndefined();
  });

  it('accepts an inbox kept exactly as long as the topics', () => {
    expect(problemsOf({ INBOX_RETENTION_DAYS: '30', KAFKA_TOPIC_RETENTION_DAYS: '30' })).toEqual([]);
  });

  it('refuses an inbox that forgets ids before Kafka forgets the events, naming the variable that was set', () => {
    expect(problemsOf({ INBOX_RETENTION_DAYS: '3' })).toEqual([
      'INBOX_RETENTION_DAYS: must be at least KAFKA_TOPIC_RETENTION_DAYS (7): an event replayed from Kafka must still find its id in the inbox',
    ]);
    expect(problemsOf({ KAFKA_TOPIC_RETENTION_DAYS: '30' })).toEqual([
      'KAFKA_TOPIC_RETENTION_DAYS: must not exceed INBOX_RETENTION_DAYS (14): an event replayed from Kafka must still find its id in the inbox',
    ]);
    expect(problemsOf({ INBOX_RETENTION_DAYS: '14', KAFKA_TOPIC_RETENTION_DAYS: '15' })).toHaveLength(1);
  });

  it('refuses retention windows out of range', () => {
    expect(problemsOf({ OUTBOX_RETENTION_DAYS: '0', INBOX_RETENTION_DAYS: 'two weeks' })).toEqual([
      'OUTBOX_RETENTION_DAYS: expected an integer >= 1',
      'INBOX_RETENTION_DAYS: expected an integer',
    ]);
  });
});
