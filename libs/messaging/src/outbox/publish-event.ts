import { randomUUID } from 'node:crypto';
import { eventTypeSpec, type EventTypeSpec } from '@ofm/contracts';
import type { EntityManager } from 'typeorm';
import { EventEncodeError, eventSource } from '../codec/cloud-event.codec';
import { captureTraceContext } from '../tracing/trace-context';

/** Channel the relay LISTENs on; publishEvent NOTIFYs it so the relay wakes when the transaction commits. */
export const OUTBOX_CHANNEL = 'ofm_outbox';

let configuredSource: string | undefined;

/** Sets the ce_source (`/ofm/<service>`) of every event this process publishes; startMessaging calls it. */
export const configureEventSource = (serviceName: string): void => {
  configuredSource = eventSource(serviceName);
};

export interface PublishEventInput<T = unknown> {
  /** The CloudEvents type, or its entry of EVENT_TYPES (which also types `data`). */
  type: string | EventTypeSpec<T>;
  /** Aggregate id: ce_subject and Kafka key, so events of one aggregate keep their order. */
  subject: string;
  data: T;
  /** Defaults to the registry's topic of the type. */
  topic?: string;
  /** Defaults to the source set by startMessaging / configureEventSource. */
  source?: string;
  /** Defaults to now. */
  time?: Date;
  /** Defaults to a new UUID. */
  id?: string;
}

export interface PublishedEventRef {
  id: string;
  topic: string;
}

// The columns of one outbox_event row, in the order outboxRow gives them.
export const OUTBOX_COLUMNS = 'id, topic, key, type, source, subject, time, payload, traceparent, tracestate';
const OUTBOX_COLUMN_COUNT = 10;

/** `($n, …)` for each of `rows` outbox rows whose first parameter is `$first`. */
export const outboxRowPlaceholders = (first: number, rows: number): string =>
  Array.from({ length: rows }, (_, r) => {
    const p = (i: number) => `$${first + r * OUTBOX_COLUMN_COUNT + i}`;
    return `(${p(0)}::uuid, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::timestamptz, ${p(7)}::jsonb, ${p(8)}, ${p(9)})`;
  }).join(', ');

// The rows are inserted and the relay notified in one statement: NOTIFY is delivered only at commit,
// and not at all on rollback, so the relay never wakes for an event that does not exist.
// `before` adds other data-modifying steps to the same statement (commitChange's audit row).
export const notifyingInsert = (valuesSql: string, before?: string): string => `
  WITH ${before ? `${before}, ` : ''}inserted AS (
    INSERT INTO outbox_event (${OUTBOX_COLUMNS}) VALUES ${valuesSql}
    RETURNING seq
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted LIMIT 1`;

const INSERT = notifyingInsert(outboxRowPlaceholders(1, 1));

export const requireTransaction = (em: EntityManager, what: string): void => {
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error(`${what} needs the EntityManager of an open transaction, so the event commits with the change`);
  }
};

/** The parameters of the outbox row of one event (checked against the event registry), and its reference. */
export const outboxRow = <T>(input: PublishEventInput<T>): { ref: PublishedEventRef; values: unknown[] } => {
  const typeName = typeof input.type === 'string' ? input.type : input.type.type;
  const spec = eventTypeSpec(typeName);
  if (!spec) throw new EventEncodeError(`unknown event type ${typeName}: not in EVENT_TYPES`);
  const source = input.source ?? configuredSource;
  if (!source)
    throw new Error(
      'publishEvent: no event source; call startMessaging (or configureEventSource) first, or pass source',
    );
  if (!input.subject) throw new Error('publishEvent: subject (the aggregate id) is required');
  const id = input.id ?? randomUUID();
  const topic = input.topic ?? spec.topic;
  const trace = captureTraceContext();
  return {
    ref: { id, topic },
    values: [
      id,
      topic,
      input.subject,
      typeName,
      source,
      input.subject,
      (input.time ?? new Date()).toISOString(),
      JSON.stringify(spec.fns.toJSON(input.data)),
      trace.traceparent,
      trace.tracestate ?? null,
    ],
  };
};

/** Writes an event to the outbox in the caller's transaction (pass the transaction's EntityManager). */
export const publishEvent = async <T>(em: EntityManager, input: PublishEventInput<T>): Promise<PublishedEventRef> => {
  requireTransaction(em, 'publishEvent');
  const row = outboxRow(input);
  await em.query(INSERT, row.values);
  return row.ref;
};
