import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@ofm/contracts';
import { SpanKind, trace } from '@opentelemetry/api';
import { register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { onEvent, provisionTopics, publishEvent, startMessaging, type CloudEvent, type Messaging } from '../src';
import { accredited, collectingLogger } from './support/events';
import { openDataSource } from './support/messaging-db';
import { createTestDatabase, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';
import { startTestTracing } from './support/tracing';

jest.setTimeout(90_000);

describe('startMessaging', () => {
  const logger = collectingLogger();
  const tracing = startTestTracing();
  const serviceName = uniqueName('svc').replace(/_/g, '-');
  const topic = uniqueName('test.start-messaging');
  const received: { event: CloudEvent; traceId: string | undefined }[] = [];
  let db: TestDatabase;
  let ds: DataSource;
  let messaging: Messaging;

  beforeAll(async () => {
    db = await createTestDatabase('start_messaging');
    ds = await openDataSource(db.url);
    messaging = await startMessaging({
      serviceName,
      dataSource: ds,
      brokers: testKafkaBrokers(),
      logger,
      consumers: [
        {
          topics: [topic],
          handlers: onEvent(EVENT_TYPES.memberAccredited, async (event, em) => {
            received.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
            await em.query('INSERT INTO effect (event_id, subject, applied) VALUES ($1, $2, 1)', [
              event.id,
              event.subject,
            ]);
          }),
        },
      ],
    });
    await messaging.ready;
  });

  afterAll(async () => {
    await messaging?.stop();
    await ds?.destroy();
    await db?.drop();
    await tracing.stop();
  });

  it('provisions the topics it consumes and their dead-letter twins, and is ready', async () => {
    // Already there: provisioning again is a no-op.
    await expect(provisionTopics(messaging.bus, [topic, `${topic}.dlq`])).resolves.toEqual([]);
    const fresh = uniqueName('test.provision');
    await expect(provisionTopics(messaging.bus, [fresh, fresh, `${fresh}.dlq`])).resolves.toEqual([
      fresh,
      `${fresh}.dlq`,
    ]);
    await expect(provisionTopics(messaging.bus, [fresh, `${fresh}.dlq`])).resolves.toEqual([]);
    await expect(messaging.check()).resolves.toBeUndefined();
    expect(messaging.runners.map((r) => r.groupId)).toEqual([`ofm.${serviceName}`]);
  });

  it('carries an event from a transaction to the handler, in the trace of the command that wrote it', async () => {
    const subject = randomUUID();
    const { id } = await trace.getTracer('test').startActiveSpan('command', async (span) => {
      try {
        return await ds.transaction((em) =>
          publishEvent(em, { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), topic }),
        );
      } finally {
        span.end();
      }
    });

    const got = await waitFor(() => received.find((r) => r.event.id === id), { what: 'the event at the handler' });
    expect(got.event).toEqual(
      expect.objectContaining({ id, subject, source: `/ofm/${serviceName}`, type: EVENT_TYPES.memberAccredited.type }),
    );
    expect(got.event.data).toEqual(accredited(subject));

    const spans = tracing.spans.getFinishedSpans();
    const commandSpan = spans.find((s) => s.name === 'command' && s.spanContext().traceId === got.traceId);
    const processSpan = await waitFor(
      () => tracing.spans.getFinishedSpans().find((s) => s.name === `process ${EVENT_TYPES.memberAccredited.type}`),
      { what: 'the process span' },
    );
    expect(commandSpan).toBeDefined();
    expect(got.event.traceparent).toBe(
      `00-${commandSpan!.spanContext().traceId}-${commandSpan!.spanContext().spanId}-01`,
    );
    expect(processSpan.kind).toBe(SpanKind.CONSUMER);
    expect(processSpan.spanContext().traceId).toBe(commandSpan!.spanContext().traceId);
    expect(processSpan.parentSpanContext?.spanId).toBe(commandSpan!.spanContext().spanId);
  });

  it('commits the offsets of the group named exactly ofm.<service>', async () => {
    const lags = await waitFor(
      async () => {
        const l = await messaging.bus.lag(`ofm.${serviceName}`, [topic]);
        return l.some((p) => Number(p.committedOffset) > 0) ? l : undefined;
      },
      { what: 'committed offsets' },
    );
    expect(lags.reduce((sum, p) => sum + p.lag, 0)).toBe(0);
  });

  it('exposes the outbox and consumer metrics', async () => {
    const metrics = await register.metrics();
    expect(metrics).toMatch(new RegExp(`ofm_outbox_published_total\\{topic="${topic.replace(/\./g, '\\.')}"\\} [1-9]`));
    expect(metrics).toContain('ofm_outbox_publish_duration_seconds_bucket');
    expect(metrics).toContain('ofm_outbox_pending');
    expect(metrics).toMatch(
      new RegExp(
        `ofm_consumer_lag\\{group="ofm\\.${serviceName}",topic="${topic.replace(/\./g, '\\.')}",partition="\\d"\\} 0`,
      ),
    );
  });

  it('refuses to write an event outside a transaction', async () => {
    const subject = randomUUID();
    await expect(
      publishEvent(ds.manager, { type: EVENT_TYPES.memberAccredited, subject, data: accredited(subject), topic }),
    ).rejects.toThrow(/open transaction/);
  });
});
