import { UUID_PATTERN, type JsonSchema } from '../vocabulary';

// The Kafka headers of an event: CloudEvents 1.0 in binary content mode (CONTRACT.md "Events"), as
// @ofm/messaging's codec writes and checks them.

const SOURCE_PATTERN = '^/ofm/[a-z][a-z0-9-]*$';
// W3C Trace Context, version 00.
const TRACEPARENT_PATTERN = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

export const eventSourceOf = (service: string): string => `/ofm/${service}`;

/** The header schema of one event type; `publishers` are the services that may put it on its topic. */
export const cloudEventHeadersSchema = (type: string, publishers: readonly string[] | undefined): JsonSchema => ({
  type: 'object',
  description: 'CloudEvents 1.0, Kafka binary content mode: the attributes are headers, the value is the data.',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0', description: 'CloudEvents spec version.' },
    ce_id: {
      type: 'string',
      format: 'uuid',
      pattern: UUID_PATTERN,
      description: "Unique per event: the consumers' idempotency key (a replayed event keeps its id).",
    },
    ce_source: publishers?.length
      ? {
          type: 'string',
          enum: publishers.map(eventSourceOf),
          description: 'The publishing service, /ofm/<service>.',
        }
      : {
          type: 'string',
          pattern: SOURCE_PATTERN,
          description: 'The publishing service, /ofm/<service>.',
        },
    ce_type: { type: 'string', const: type, description: 'The event type; it names the proto message of the value.' },
    ce_time: { type: 'string', format: 'date-time', description: 'RFC 3339 time of the change.' },
    ce_subject: {
      type: 'string',
      description: 'The aggregate id (the mission, member, vehicle or flag the event is about); also the Kafka key.',
    },
    'content-type': { type: 'string', const: 'application/json', description: 'The value is proto3 JSON.' },
    traceparent: {
      type: 'string',
      pattern: TRACEPARENT_PATTERN,
      description: 'W3C Trace Context of the change that published the event; consumers continue its trace.',
    },
    tracestate: { type: 'string', description: 'W3C Trace Context vendor state, when there is one.' },
  },
});

// The headers a dead letter adds to the original message's (the same names as @ofm/messaging's
// DLQ_HEADERS, which depends on this library and cannot be imported here).
export const DEAD_LETTER_HEADERS: Readonly<Record<string, string>> = {
  ofm_dlq_error: 'Why the consumer gave up: the error name and message (at most 4000 characters).',
  ofm_dlq_original_topic: 'The topic the message was read from.',
  ofm_dlq_original_partition: 'Its partition there.',
  ofm_dlq_original_offset: 'Its offset there.',
  ofm_dlq_consumer_group: 'The consumer group that failed on it (ofm.<service>).',
  ofm_dlq_failed_at: 'When it was dead-lettered (RFC 3339).',
};

export const deadLetterHeadersSchema = (): JsonSchema => ({
  type: 'object',
  description:
    'Every header of the original message (the CloudEvents ce_* headers, content-type, traceparent) plus these, which a replay drops again.',
  required: ['ofm_dlq_error', 'ofm_dlq_original_topic', 'ofm_dlq_consumer_group', 'ofm_dlq_failed_at'],
  properties: Object.fromEntries(
    Object.entries(DEAD_LETTER_HEADERS).map(([name, description]) => [
      name,
      name === 'ofm_dlq_failed_at'
        ? { type: 'string', format: 'date-time', description }
        : { type: 'string', description },
    ]),
  ),
  additionalProperties: { type: 'string' },
});
