import { EVENT_TYPES, type EventTypeSpec } from '../events';
import { TOPICS, deadLetterTopic } from '../topics';
import { messageSchema, type JsonSchema } from '../vocabulary';
import { cloudEventHeadersSchema, deadLetterHeadersSchema } from './headers';
import { KNOWN_CONSUMERS, PARTNER_TOPICS, SHARED_TOPIC_PUBLISHERS, isPartnerTopic } from './participants';

// The AsyncAPI 3.0 description of every Kafka topic, derived from the event registry the services
// publish and consume with (EVENT_TYPES: CloudEvents type → proto message → topic) and from the proto
// messages themselves (vocabulary.messageSchema(…, 'event'): the proto3 JSON form on the wire). A
// type added to the registry appears here with its schema; nothing is written twice.
//
// Payloads and headers use AsyncAPI's default schema format (a superset of JSON Schema draft 07):
// the derived schemas use only keywords that draft 07 and draft 2020-12 read alike, and
// @asyncapi/parser validates the default format (it has no draft 2020-12 parser).

export const ASYNCAPI_VERSION = '3.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';
export const LOCAL_KAFKA_SERVER = 'local';
export const DEAD_LETTER_CHANNEL = 'deadLetters';
const DEAD_LETTER_MESSAGE = 'deadLetter';

export type AsyncApiDocument = Record<string, unknown> & {
  asyncapi: string;
  info: Record<string, unknown>;
  servers: Record<string, Record<string, unknown>>;
  channels: Record<string, AsyncApiChannel>;
  operations: Record<string, AsyncApiOperation>;
  components: { messages: Record<string, AsyncApiMessage>; schemas: Record<string, JsonSchema> } & Record<
    string,
    unknown
  >;
};

export interface AsyncApiChannel extends Record<string, unknown> {
  address: string;
  title: string;
  description: string;
  messages: Record<string, { $ref: string }>;
}

export interface AsyncApiOperation extends Record<string, unknown> {
  action: 'send' | 'receive';
  channel: { $ref: string };
  messages: { $ref: string }[];
}

export interface AsyncApiMessage extends Record<string, unknown> {
  name: string;
  headers: JsonSchema;
  payload: JsonSchema;
}

export interface EventTypeName {
  service: string;
  aggregate: string;
  verb: string;
  version: number;
}

const TYPE_NAME = /^gov\.ofm\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9][0-9]*)$/;
const TOPIC_NAME = /^ofm\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v([1-9][0-9]*)$/;

/** The parts of gov.ofm.<service>.<aggregate>.<past-tense-verb>.v<n>; throws on another shape. */
export const parseEventType = (type: string): EventTypeName => {
  const m = TYPE_NAME.exec(type);
  if (!m) throw new Error(`asyncapi: event type ${type} is not gov.ofm.<service>.<aggregate>.<verb>.v<n>`);
  return { service: m[1]!, aggregate: m[2]!, verb: m[3]!, version: Number(m[4]) };
};

const parseTopic = (topic: string): { domain: string; name: string } => {
  const m = TOPIC_NAME.exec(topic);
  if (!m) throw new Error(`asyncapi: topic ${topic} is not ofm.<service>.<aggregate>.v<n>`);
  return { domain: m[1]!, name: m[2]! };
};

/** The services that put an event type on its topic: its own service, unless the topic is shared. */
export const publishersOf = (spec: Pick<EventTypeSpec, 'type' | 'topic'>): readonly string[] =>
  SHARED_TOPIC_PUBLISHERS[spec.topic] ?? [parseEventType(spec.type).service];

const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const code = (s: string): string => `\`${s}\``;

const channelRef = (id: string) => ({ $ref: `#/channels/${id}` });
const channelMessageRef = (channel: string, message: string) => ({ $ref: `#/channels/${channel}/messages/${message}` });

const messageOf = (spec: EventTypeSpec): AsyncApiMessage => {
  const { aggregate, verb } = parseEventType(spec.type);
  const title = `${sentence(aggregate)} ${verb.replace(/-/g, ' ')}`;
  // The proto comment, without its first line when that only repeats "<type> on <topic>".
  const protoDoc = String(messageSchema(spec.message, 'event').description ?? '')
    .replace(new RegExp(`^${spec.type.replace(/\./g, '\\.')} on \\S+\\s*`), '')
    .trim();
  return {
    name: spec.type,
    title,
    summary: `${title} (${spec.type}), on ${spec.topic}.`,
    description:
      `The value is the proto3 JSON form of ${code(spec.message)}: field names in lowerCamelCase, ` +
      'fields at their default value (empty string, 0, false, empty list) left out. Consumers ignore fields they do not know.' +
      (protoDoc ? `\n\n${protoDoc}` : ''),
    contentType: 'application/json',
    headers: cloudEventHeadersSchema(spec.type, SHARED_TOPIC_PUBLISHERS[spec.topic] ? undefined : publishersOf(spec)),
    payload: { $ref: `#/components/schemas/${spec.message}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: 'The aggregate id, the same as ce_subject: events of one aggregate stay in order.',
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-ofm-proto-message': spec.message,
  };
};

const internalDescription = (topic: string, specs: readonly EventTypeSpec[]): string => {
  const { domain, name } = parseTopic(topic);
  const publishers = [...new Set(specs.flatMap(publishersOf))];
  const consumers = KNOWN_CONSUMERS.filter((c) => c.topics.includes(topic)).map((c) => c.service);
  const shared = SHARED_TOPIC_PUBLISHERS[topic];
  const lines = [
    shared
      ? `The ${name} events of the ${domain} domain, published by whichever service raises them (${list(shared)} today).`
      : `The ${name} events of the ${domain} service, internal to the platform.`,
  ];
  if (specs.length === 0) {
    lines.push(
      `No event types are registered on this topic yet; the ${domain} service's ${name} events will be listed here.`,
    );
  } else {
    lines.push(`Event types: ${specs.map((s) => code(s.type)).join(', ')}.`);
    lines.push(
      `Published by ${list(publishers)}; ${consumers.length ? `consumed by ${list(consumers)}` : 'no known consumer yet'}.`,
    );
  }
  lines.push(`The key is the aggregate id (ce_subject). Failed messages go to ${code(deadLetterTopic(topic))}.`);
  return lines.join(' ');
};

const partnerDescription = (topic: string, specs: readonly EventTypeSpec[]): string => {
  const partner = PARTNER_TOPICS[topic];
  if (!partner) throw new Error(`asyncapi: partner topic ${topic} has no entry in PARTNER_TOPICS`);
  return [
    `For ${partner.audience}.`,
    `Carries ${partner.carries}.`,
    `Curated from ${list(partner.curatedFrom.map(code))}: only what that partner needs, never the internal events as they are.`,
    `An event names ${partner.identifies}.`,
    specs.length === 0
      ? 'No event types are published on this topic yet; they will be listed here as messages when they are.'
      : `Event types: ${specs.map((s) => code(s.type)).join(', ')}.`,
    `Failed messages go to ${code(deadLetterTopic(topic))}.`,
  ].join(' ');
};

const topicTitle = (topic: string): string => {
  const partner = PARTNER_TOPICS[topic];
  if (partner) return `Partner: ${partner.title}`;
  const { domain, name } = parseTopic(topic);
  return `${sentence(domain)}: ${name.replace(/-/g, ' ')}`;
};

const kafkaOperationBindings = (service: string) => ({
  kafka: { groupId: { type: 'string', enum: [`ofm.${service}`] }, bindingVersion: KAFKA_BINDING_VERSION },
});

/** The AsyncAPI 3.0.0 document of every topic in TOPICS, their dead-letter twins and every event type. */
export const buildAsyncApiDocument = (): AsyncApiDocument => {
  const specs = Object.values(EVENT_TYPES) as EventTypeSpec[];
  const topics = Object.values(TOPICS) as string[];
  for (const spec of specs) {
    parseEventType(spec.type);
    if (!topics.includes(spec.topic))
      throw new Error(`asyncapi: ${spec.type} is on ${spec.topic}, which is not in TOPICS`);
  }

  const messages: Record<string, AsyncApiMessage> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const spec of specs) {
    messages[spec.type] = messageOf(spec);
    schemas[spec.message] ??= messageSchema(spec.message, 'event');
  }

  const channels: Record<string, AsyncApiChannel> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  for (const topic of topics) {
    const on = specs.filter((s) => s.topic === topic);
    const partner = isPartnerTopic(topic);
    channels[topic] = {
      address: topic,
      title: topicTitle(topic),
      description: partner ? partnerDescription(topic, on) : internalDescription(topic, on),
      messages: Object.fromEntries(on.map((s) => [s.type, { $ref: `#/components/messages/${s.type}` }])),
      tags: [{ name: partner ? 'partner' : 'internal' }],
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    if (on.length === 0) continue;

    for (const service of [...new Set(on.flatMap(publishersOf))]) {
      const sent = on.filter((s) => publishersOf(s).includes(service));
      operations[`${service}.send.${topic}`] = {
        action: 'send',
        channel: channelRef(topic),
        title: `${service} publishes on ${topic}`,
        summary: `The ${service} service publishes ${list(sent.map((s) => s.type))} (ce_source /ofm/${service}), through its outbox.`,
        messages: sent.map((s) => channelMessageRef(topic, s.type)),
      };
    }
    for (const consumer of KNOWN_CONSUMERS.filter((c) => c.topics.includes(topic))) {
      operations[`${consumer.service}.receive.${topic}`] = {
        action: 'receive',
        channel: channelRef(topic),
        title: `${consumer.service} consumes ${topic}`,
        summary:
          `The ${consumer.service} service consumes ${topic} in group ofm.${consumer.service}, at least once: ` +
          'it skips an event id it has already applied, and dead-letters what keeps failing.',
        messages: on.map((s) => channelMessageRef(topic, s.type)),
        bindings: kafkaOperationBindings(consumer.service),
      };
    }
  }

  channels[DEAD_LETTER_CHANNEL] = {
    address: '{topic}.dlq',
    title: 'Dead letters',
    description:
      'Every topic above has a dead-letter twin, `<topic>.dlq`. A consumer that gives up on a ' +
      'message (it cannot be decoded, or its handler kept failing after retries) puts it there as it was: the same key, ' +
      'value and headers, plus `ofm_dlq_*` headers saying why, where from and when. ' +
      '`ofm dlq list --topic <topic>` shows them; `ofm dlq replay --topic <topic>` sends them back to the original topic, ' +
      'without the `ofm_dlq_*` headers (consumers skip what they already applied).',
    parameters: {
      topic: { enum: topics, description: 'The topic whose consumer gave up on the message.' },
    },
    messages: { [DEAD_LETTER_MESSAGE]: { $ref: `#/components/messages/${DEAD_LETTER_MESSAGE}` } },
    tags: [{ name: 'dead-letter' }],
  };
  messages[DEAD_LETTER_MESSAGE] = {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'A message a consumer gave up on, with the error headers.',
    contentType: 'application/json',
    headers: deadLetterHeadersSchema(),
    payload: {
      description:
        "The original value, byte for byte: usually an event's proto3 JSON, but it may not be valid JSON (that may be why it is here).",
    },
    bindings: {
      kafka: { key: { type: 'string', description: 'The original key.' }, bindingVersion: KAFKA_BINDING_VERSION },
    },
  };

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'OFM Mission Platform events',
      version: '1',
      description:
        'The Kafka topics of the Office of Foreign Missions platform (CONTRACT.md, "Events"). Every event is a ' +
        'CloudEvents 1.0 event in Kafka **binary** content mode: its attributes are the `ce_*` headers, `content-type` is ' +
        '`application/json`, W3C `traceparent` carries the trace, and the value is the proto3 JSON form of the proto ' +
        'message its type names. The key is the aggregate id, so the events of one aggregate stay in order. ' +
        'Types are `gov.ofm.<service>.<aggregate>.<past-tense-verb>.v1`; internal topics are `ofm.<service>.<aggregate>.v1`; ' +
        'partner topics `ofm.partner.<partner>.v1` are curated for one partner each. A change to what is fixed takes a ' +
        'new type or topic version, never an edit in place.\n\n' +
        'Generated from the event registry of `@ofm/contracts` (type → message → topic) and the proto files.',
      tags: [
        { name: 'internal', description: 'Between the services of the platform.' },
        { name: 'partner', description: 'Curated for one partner agency: only what that partner needs.' },
        { name: 'dead-letter', description: 'Messages a consumer gave up on.' },
      ],
    },
    defaultContentType: 'application/json',
    servers: {
      [LOCAL_KAFKA_SERVER]: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        title: 'Local broker',
        description:
          'The broker of the local platform (`npm run up`). Production brokers are not listed here: each service ' +
          'reads them from its configuration (KAFKA_BROKERS).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
};
