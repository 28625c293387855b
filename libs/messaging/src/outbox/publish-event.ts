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

// The row is inserted and the relay notified in one statement: NOTIFY is delivered only at commit, and
// not at all on rollback, so the relay never wakes for an event that does not exist.
const INSERT = `
  WITH inserted AS (
    INSERT INTO outbox_event (id, topic, key, type, source, subject, time, payload, traceparent, tracestate)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
    RETURNING seq
  )
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`;

/** Writes an event to the outbox in the caller's transaction (pass the transaction's EntityManager). */
export const publishEvent = async <T>(em: EntityManager, input: PublishEventInput<T>): Promise<PublishedEventRef> => {
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error(
      'publishEvent needs the EntityManager of an open transaction, so the event commits with the change',
    );
  }
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
  await em.query(INSERT, [
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
  ]);
  return { id, topic };
};
