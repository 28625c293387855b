import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

// Metrics live in prom-client's default registry (served at /metrics by @ofm/platform). Several relays or
// runners may live in one process (tests, tools), so each metric is created once and shared.
const shared = <M extends Metric>(name: string, create: () => M): M =>
  (register.getSingleMetric(name) as M | undefined) ?? create();

export const outboxPublishedTotal = (): Counter<'topic'> =>
  shared(
    'ofm_outbox_published_total',
    () =>
      new Counter({
        name: 'ofm_outbox_published_total',
        help: 'Outbox events published to the message bus',
        labelNames: ['topic'],
      }),
  );

export const outboxPending = (): Gauge =>
  shared(
    'ofm_outbox_pending',
    () =>
      new Gauge({
        name: 'ofm_outbox_pending',
        help: 'Outbox events written but not yet published',
      }),
  );

export const outboxPublishDuration = (): Histogram =>
  shared(
    'ofm_outbox_publish_duration_seconds',
    () =>
      new Histogram({
        name: 'ofm_outbox_publish_duration_seconds',
        help: 'Time to publish one outbox batch to the message bus',
        buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  );

export const consumerLag = (): Gauge<'group' | 'topic' | 'partition'> =>
  shared(
    'ofm_consumer_lag',
    () =>
      new Gauge({
        name: 'ofm_consumer_lag',
        help: 'Messages behind the end of the partition, as seen by the consumer',
        labelNames: ['group', 'topic', 'partition'],
      }),
  );

export const consumerEventsTotal = (): Counter<'group' | 'type' | 'outcome'> =>
  shared(
    'ofm_consumer_events_total',
    () =>
      new Counter({
        name: 'ofm_consumer_events_total',
        help: 'Messages handled by a consumer, by outcome (processed, duplicate, skipped, dead-lettered)',
        labelNames: ['group', 'type', 'outcome'],
      }),
  );

export const messagingTableRows = (): Gauge<'table'> =>
  shared(
    'ofm_messaging_table_rows',
    () =>
      new Gauge({
        name: 'ofm_messaging_table_rows',
        help: 'Rows in the outbox_event and inbox_event tables (planner estimate; exact count until first analyzed)',
        labelNames: ['table'],
      }),
  );
