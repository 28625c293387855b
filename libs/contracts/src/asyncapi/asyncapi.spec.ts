import { DiagnosticSeverity, Parser, type AsyncAPIDocumentInterface, type Diagnostic } from '@asyncapi/parser';
import { EVENT_TYPES } from '../events';
import { TOPICS, deadLetterTopic } from '../topics';
import { messageSchema } from '../vocabulary';
import { buildAsyncApiDocument, DEAD_LETTER_CHANNEL, parseEventType, type AsyncApiDocument } from './asyncapi.document';
import { isPartnerTopic, KNOWN_CONSUMERS, PARTNER_TOPICS } from './participants';

const specs = Object.values(EVENT_TYPES);
const topics = Object.values(TOPICS) as string[];
const partnerTopics = topics.filter(isPartnerTopic);

// The parser marks each schema it reads with x-parser-schema-id.
const withoutParserIds = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema, (key, value) => (key === 'x-parser-schema-id' ? undefined : value)));

describe('AsyncAPI document of the topics', () => {
  let doc: AsyncApiDocument;
  let parsed: AsyncAPIDocumentInterface | undefined;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    doc = buildAsyncApiDocument();
    // A copy as text: what the gateway serves, and the parser may annotate the object it is given.
    ({ document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(doc)));
  });

  const channelOf = (topic: string) =>
    parsed!
      .channels()
      .all()
      .find((c) => c.address() === topic);

  it('is AsyncAPI 3.0.0 that @asyncapi/parser accepts with no error', () => {
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
    expect(parsed!.version()).toBe('3.0.0');
  });

  it('has no warning either', () => {
    const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
    expect(warnings.map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it('has the local Kafka broker and says production brokers come from configuration', () => {
    const server = parsed!.servers().get('local')!;
    expect(server.protocol()).toBe('kafka');
    expect(server.host()).toBe('127.0.0.1:9092');
    expect(server.description()).toMatch(/configuration/);
  });

  it('has a channel for every topic in TOPICS, and only those plus the dead letters', () => {
    const addresses = parsed!
      .channels()
      .all()
      .map((c) => c.address());
    expect(addresses.sort()).toEqual([...topics, '{topic}.dlq'].sort());
    for (const topic of topics) expect(channelOf(topic)?.bindings().get('kafka')?.value()).toMatchObject({ topic });
  });

  it('puts every EVENT_TYPES entry on its topic, named by its CloudEvents type, with its proto message as payload', () => {
    for (const spec of specs) {
      const message = channelOf(spec.topic)!
        .messages()
        .all()
        .find((m) => m.name() === spec.type);
      expect({ type: spec.type, found: Boolean(message) }).toEqual({ type: spec.type, found: true });
      expect(message!.contentType()).toBe('application/json');
      expect(doc.components.schemas[spec.message]).toEqual(messageSchema(spec.message, 'event'));
      expect(withoutParserIds(message!.payload()!.json())).toEqual(messageSchema(spec.message, 'event'));
    }
    const onChannels = parsed!
      .channels()
      .all()
      .flatMap((c) =>
        c
          .messages()
          .all()
          .map((m) => m.name()),
      );
    expect(onChannels.filter((n) => n !== 'dead-letter').sort()).toEqual(specs.map((s) => s.type).sort());
  });

  it('gives every event the CloudEvents binary-mode headers, ce_type fixed to its type', () => {
    for (const spec of specs) {
      const headers = doc.components.messages[spec.type]!.headers as any;
      expect(headers.required).toEqual(
        expect.arrayContaining([
          'ce_specversion',
          'ce_id',
          'ce_source',
          'ce_type',
          'ce_time',
          'ce_subject',
          'content-type',
        ]),
      );
      expect(headers.properties).toMatchObject({
        ce_specversion: { const: '1.0' },
        ce_id: { format: 'uuid' },
        ce_type: { const: spec.type },
        ce_time: { format: 'date-time' },
        'content-type': { const: 'application/json' },
        traceparent: { type: 'string' },
      });
      expect(headers.properties.ce_subject.description).toMatch(/Kafka key/);
      const source = headers.properties.ce_source;
      if (source.enum) expect(source.enum).toContain(`/ofm/${parseEventType(spec.type).service}`);
      else expect(source.pattern).toBeDefined();
      expect(doc.components.messages[spec.type]!.bindings).toMatchObject({ kafka: { key: { type: 'string' } } });
    }
  });

  it('has a send operation by the owning service for every event type', () => {
    for (const spec of specs) {
      const senders = parsed!
        .operations()
        .filterBySend()
        .filter((o) =>
          o
            .channels()
            .all()
            .some((c) => c.address() === spec.topic),
        )
        .filter((o) =>
          o
            .messages()
            .all()
            .some((m) => m.name() === spec.type),
        );
      expect({ type: spec.type, senders: senders.length > 0 }).toEqual({ type: spec.type, senders: true });
    }
    expect(doc.operations['accreditation.send.ofm.accreditation.member.v1']).toBeDefined();
    expect(doc.operations['vehicles.send.ofm.vehicles.vehicle.v1']).toBeDefined();
    // Flags are raised by the program services (vehicles today), not by a "compliance" service.
    expect(doc.operations['vehicles.send.ofm.compliance.flag.v1']).toBeDefined();
  });

  it('has a receive operation for each known consumer, in its consumer group', () => {
    for (const consumer of KNOWN_CONSUMERS) {
      for (const topic of consumer.topics) {
        const op = doc.operations[`${consumer.service}.receive.${topic}`];
        expect(op).toMatchObject({ action: 'receive', channel: { $ref: `#/channels/${topic}` } });
        expect(op!.bindings).toMatchObject({ kafka: { groupId: { enum: [`ofm.${consumer.service}`] } } });
      }
    }
    expect(doc.operations['vehicles.receive.ofm.accreditation.member.v1']).toBeDefined();
    expect(doc.operations['vehicles.receive.ofm.accreditation.mission.v1']).toBeDefined();
  });

  it('describes every partner topic: what it carries, for whom, and that it has no event types yet', () => {
    expect(partnerTopics.sort()).toEqual(
      [
        'ofm.partner.customs.v1',
        'ofm.partner.dmv.v1',
        'ofm.partner.emergency.v1',
        'ofm.partner.law-enforcement.v1',
      ].sort(),
    );
    for (const topic of partnerTopics) {
      const description = channelOf(topic)!.description()!;
      expect(PARTNER_TOPICS[topic]).toBeDefined();
      expect(description).toContain(`For ${PARTNER_TOPICS[topic]!.audience}`);
      expect(description).toContain(PARTNER_TOPICS[topic]!.carries);
      expect(description).toContain('only what that partner needs');
      if (!specs.some((s) => s.topic === topic))
        expect(description).toMatch(/No event types are published on this topic yet/);
    }
    expect(channelOf(TOPICS.partnerDmv)!.description()).toMatch(/registration and insurance status/);
    expect(channelOf(TOPICS.partnerLawEnforcement)!.description()).toMatch(/plate and VIN/);
  });

  it('describes every internal topic, saying so when no event type is on it yet', () => {
    for (const topic of topics.filter((t) => !isPartnerTopic(t))) {
      const description = channelOf(topic)!.description()!;
      expect(description).toContain(deadLetterTopic(topic));
      if (!specs.some((s) => s.topic === topic)) expect(description).toMatch(/No event types are registered/);
    }
  });

  it('describes the dead-letter twins once, with the error headers', () => {
    const dlq = doc.channels[DEAD_LETTER_CHANNEL]!;
    expect(dlq.address).toBe('{topic}.dlq');
    expect((dlq.parameters as any).topic.enum).toEqual(topics);
    const headers = doc.components.messages.deadLetter!.headers as any;
    expect(Object.keys(headers.properties)).toEqual(
      expect.arrayContaining([
        'ofm_dlq_error',
        'ofm_dlq_original_topic',
        'ofm_dlq_consumer_group',
        'ofm_dlq_failed_at',
      ]),
    );
  });

  it('refuses an event type that does not follow the naming of CONTRACT.md', () => {
    expect(parseEventType('gov.ofm.vehicles.registration.disposal-due.v1')).toEqual({
      service: 'vehicles',
      aggregate: 'registration',
      verb: 'disposal-due',
      version: 1,
    });
    expect(() => parseEventType('gov.ofm.vehicles.registered')).toThrow(/not gov\.ofm/);
  });
});
