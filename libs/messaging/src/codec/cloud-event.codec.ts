import { eventTypeSpec, type EventTypeSpec } from '@ofm/contracts';
import type { WireMessage } from '../bus/message-bus.port';

// CloudEvents 1.0, Kafka binary content mode (CONTRACT.md "Events"). Written by hand rather than with the
// `cloudevents` package: its Kafka binding emits ce_datacontenttype and ce_-prefixed extensions
// (ce_traceparent instead of W3C traceparent), leaves the value as an object and the key unset, so every
// message would need patching both ways.

export const CE_SPECVERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** The attributes of an event, without its data. */
export interface CloudEventEnvelope {
  /** UUID, unique per event: the consumers' idempotency key. */
  id: string;
  /** gov.ofm.<service>.<aggregate>.<past-tense-verb>.v1 */
  type: string;
  /** /ofm/<service> */
  source: string;
  /** Aggregate id; also the Kafka key. */
  subject: string;
  /** RFC 3339 time of the change. */
  time: string;
  traceparent?: string;
  tracestate?: string;
}

export interface CloudEvent<T = unknown> extends CloudEventEnvelope {
  data: T;
}

export type EventDecodeFailure =
  'missing-header' | 'bad-header' | 'missing-value' | 'bad-json' | 'unknown-type' | 'bad-payload';

/** A message that is not a valid event of this platform; `reason` says which check failed. */
export class EventDecodeError extends Error {
  override readonly name = 'EventDecodeError';
  constructor(
    readonly reason: EventDecodeFailure,
    message: string,
  ) {
    super(message);
  }
}

/** An event this build cannot put on the wire (its type is not in the registry). */
export class EventEncodeError extends Error {
  override readonly name = 'EventEncodeError';
}

export const eventSource = (serviceName: string): string => `/ofm/${serviceName}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Puts an envelope and the already proto3-JSON form of its data on the wire. */
export const encodeEnvelope = (envelope: CloudEventEnvelope, json: unknown): WireMessage => {
  const headers: Record<string, string> = {
    [CE_HEADERS.specversion]: CE_SPECVERSION,
    [CE_HEADERS.id]: envelope.id,
    [CE_HEADERS.source]: envelope.source,
    [CE_HEADERS.type]: envelope.type,
    [CE_HEADERS.time]: envelope.time,
    [CE_HEADERS.subject]: envelope.subject,
    [CE_HEADERS.contentType]: JSON_CONTENT_TYPE,
  };
  if (envelope.traceparent) headers[CE_HEADERS.traceparent] = envelope.traceparent;
  if (envelope.tracestate) headers[CE_HEADERS.tracestate] = envelope.tracestate;
  return { key: envelope.subject, value: Buffer.from(JSON.stringify(json)), headers };
};

const registered = (type: string): EventTypeSpec => {
  const spec = eventTypeSpec(type);
  if (!spec) throw new EventEncodeError(`unknown event type ${type}: not in EVENT_TYPES`);
  return spec;
};

/** The proto3 JSON form of an event's data, as the registry's message for its type writes it. */
export const eventDataToJson = (type: string, data: unknown): unknown => registered(type).fns.toJSON(data);

export const encodeEvent = <T>(event: CloudEvent<T>): WireMessage => {
  const { data, ...envelope } = event;
  return encodeEnvelope(envelope, eventDataToJson(event.type, data));
};

const required = (headers: Record<string, string>, name: string): string => {
  const value = headers[name];
  if (value === undefined || value === '') throw new EventDecodeError('missing-header', `missing header ${name}`);
  return value;
};

/** Reads and checks the envelope from the headers only (the value is not parsed). */
export const decodeEnvelope = (message: Pick<WireMessage, 'headers'>): CloudEventEnvelope => {
  const h = message.headers;
  const specversion = required(h, CE_HEADERS.specversion);
  if (specversion !== CE_SPECVERSION) {
    throw new EventDecodeError(
      'bad-header',
      `header ${CE_HEADERS.specversion} is ${specversion}, expected ${CE_SPECVERSION}`,
    );
  }
  const id = required(h, CE_HEADERS.id);
  if (!UUID.test(id)) throw new EventDecodeError('bad-header', `header ${CE_HEADERS.id} is not a UUID: ${id}`);
  const source = required(h, CE_HEADERS.source);
  const type = required(h, CE_HEADERS.type);
  const time = required(h, CE_HEADERS.time);
  if (Number.isNaN(Date.parse(time))) {
    throw new EventDecodeError('bad-header', `header ${CE_HEADERS.time} is not an RFC 3339 time: ${time}`);
  }
  const subject = required(h, CE_HEADERS.subject);
  const contentType = required(h, CE_HEADERS.contentType);
  if (contentType.split(';')[0]!.trim().toLowerCase() !== JSON_CONTENT_TYPE) {
    throw new EventDecodeError(
      'bad-header',
      `header ${CE_HEADERS.contentType} is ${contentType}, expected ${JSON_CONTENT_TYPE}`,
    );
  }
  const envelope: CloudEventEnvelope = { id, type, source, subject, time };
  if (h[CE_HEADERS.traceparent]) envelope.traceparent = h[CE_HEADERS.traceparent];
  if (h[CE_HEADERS.tracestate]) envelope.tracestate = h[CE_HEADERS.tracestate];
  return envelope;
};

/** Decodes a message into a typed event with the registry; throws EventDecodeError naming what is wrong. */
export const decodeEvent = <T = unknown>(message: Pick<WireMessage, 'headers' | 'value'>): CloudEvent<T> => {
  const envelope = decodeEnvelope(message);
  const spec = eventTypeSpec(envelope.type);
  if (!spec) throw new EventDecodeError('unknown-type', `unknown event type ${envelope.type}`);
  if (message.value === null || message.value.length === 0) {
    throw new EventDecodeError('missing-value', `event ${envelope.id} has no value`);
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (e) {
    throw new EventDecodeError('bad-json', `value of event ${envelope.id} is not JSON: ${(e as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new EventDecodeError('bad-payload', `value of event ${envelope.id} is not a JSON object`);
  }
  let data: T;
  try {
    data = spec.fns.fromJSON(json) as T;
  } catch (e) {
    throw new EventDecodeError(
      'bad-payload',
      `value of event ${envelope.id} is not a ${spec.message}: ${(e as Error).message}`,
    );
  }
  return { ...envelope, data };
};
