import { EVENT_TYPES, type EventPayload } from '@ofm/contracts';
import type { WireMessage } from '../bus/message-bus.port';
import {
  CE_HEADERS,
  EventDecodeError,
  EventEncodeError,
  decodeEnvelope,
  decodeEvent,
  encodeEvent,
  type CloudEvent,
} from './cloud-event.codec';

type MemberAccredited = EventPayload<'memberAccredited'>;

const member = EVENT_TYPES.memberAccredited.fns.fromJSON({
  member: {
    id: '6f1c1f0e-6a55-4c1e-9a5e-0f7a4c1d2b3a',
    pid: '1234567890',
    missionId: '0b7e9b9c-1f55-4f6c-8a49-7f5d0c3c2a11',
    givenName: 'Amélie',
    familyName: 'Dupont',
    dateOfBirth: '1980-02-29',
    nationality: 'FR',
    category: 'diplomatic-agent',
    title: 'Counselor',
    visaClass: 'A-1',
    passportType: 'diplomatic',
    arrivalDate: '2024-09-01',
    weeklyHours: 40,
    transferPolicyAttested: true,
    status: 'accredited',
    immunityLevel: 'full',
    idCard: { number: 'D-000123', color: 'blue', expiresOn: '2027-09-01' },
    version: 3,
  },
});

const event: CloudEvent<MemberAccredited> = {
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  type: EVENT_TYPES.memberAccredited.type,
  source: '/ofm/accreditation',
  subject: '6f1c1f0e-6a55-4c1e-9a5e-0f7a4c1d2b3a',
  time: '2025-01-15T10:20:30.123Z',
  data: member,
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  tracestate: 'ofm=1',
};

// The EventDecodeError a decode throws (fails the test when it does not throw one).
const decodeFailure = (message: WireMessage): EventDecodeError => {
  try {
    decodeEvent(message);
  } catch (e) {
    if (e instanceof EventDecodeError) return e;
    throw e;
  }
  throw new Error('decodeEvent did not throw');
};

const without = (message: WireMessage, header: string): WireMessage => {
  const headers = { ...message.headers };
  delete headers[header];
  return { ...message, headers };
};

describe('CloudEvents codec (Kafka binary mode)', () => {
  it('writes every header of the contract, exactly', () => {
    expect(encodeEvent(event).headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: '/ofm/accreditation',
      ce_type: 'gov.ofm.accreditation.member.accredited.v1',
      ce_time: '2025-01-15T10:20:30.123Z',
      ce_subject: event.subject,
      'content-type': 'application/json',
      traceparent: event.traceparent,
      tracestate: 'ofm=1',
    });
  });

  it('leaves out tracestate when there is none', () => {
    const { tracestate: _unused, ...plain } = event;
    expect(Object.keys(encodeEvent(plain).headers)).not.toContain('tracestate');
  });

  it('keys the message by the subject (aggregate id)', () => {
    expect(encodeEvent(event).key).toBe(event.subject);
  });

  it('writes the value as the proto3 JSON form of the message', () => {
    const json = JSON.parse(encodeEvent(event).value!.toString('utf8'));
    expect(json).toEqual(EVENT_TYPES.memberAccredited.fns.toJSON(member));
    // proto3 JSON: lowerCamelCase names, default values left out.
    expect(json.member.immunityLevel).toBe('full');
    expect(json.member.idCard).toEqual({ number: 'D-000123', color: 'blue', expiresOn: '2027-09-01' });
    expect(json.member).not.toHaveProperty('usCitizenOrPermanentResident');
  });

  it('round-trips a real contracts message', () => {
    expect(decodeEvent<MemberAccredited>(encodeEvent(event))).toEqual(event);
  });

  it('round-trips through Buffers as a Kafka client hands them over', () => {
    const wire = encodeEvent(event);
    const copy: WireMessage = { key: wire.key, value: Buffer.from(wire.value!), headers: { ...wire.headers } };
    expect(decodeEvent<MemberAccredited>(copy).data.member?.idCard?.number).toBe('D-000123');
  });

  it.each(['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'])(
    'names a missing %s header',
    (header) => {
      const error = decodeFailure(without(encodeEvent(event), header));
      expect(error.message).toBe(`missing header ${header}`);
      expect(error.reason).toBe('missing-header');
    },
  );

  it('accepts an event without traceparent (the header is then simply absent)', () => {
    const decoded = decodeEvent(without(without(encodeEvent(event), CE_HEADERS.traceparent), CE_HEADERS.tracestate));
    expect(decoded.traceparent).toBeUndefined();
    expect(decoded.tracestate).toBeUndefined();
  });

  it.each([
    ['ce_specversion', '0.3', 'expected 1.0'],
    ['ce_id', 'not-a-uuid', 'not a UUID'],
    ['ce_time', 'yesterday', 'not an RFC 3339 time'],
    ['content-type', 'application/protobuf', 'expected application/json'],
  ])('rejects a bad %s header', (header, value, message) => {
    const wire = encodeEvent(event);
    const bad = { ...wire, headers: { ...wire.headers, [header]: value } };
    const error = decodeFailure(bad);
    expect(error.message).toContain(message);
    expect(error.reason).toBe('bad-header');
    expect(() => decodeEnvelope(bad)).toThrow(EventDecodeError);
  });

  it('accepts content-type parameters', () => {
    const wire = encodeEvent(event);
    expect(
      decodeEvent({ ...wire, headers: { ...wire.headers, 'content-type': 'application/json; charset=utf-8' } }).id,
    ).toBe(event.id);
  });

  it('rejects a value that is not JSON', () => {
    const error = decodeFailure({ ...encodeEvent(event), value: Buffer.from('{"member": ') });
    expect(error.message).toMatch(/^value of event 3b241101-e2bb-4255-8caf-4136c566a962 is not JSON/);
    expect(error.reason).toBe('bad-json');
  });

  it('rejects JSON that is not an object, and a missing value', () => {
    expect(() => decodeEvent({ ...encodeEvent(event), value: Buffer.from('[1,2]') })).toThrow(/not a JSON object/);
    expect(() => decodeEvent({ ...encodeEvent(event), value: null })).toThrow(/has no value/);
  });

  it('rejects an unknown event type when decoding, naming it', () => {
    const wire = encodeEvent(event);
    const unknown = { ...wire, headers: { ...wire.headers, ce_type: 'gov.ofm.nowhere.thing.happened.v1' } };
    const error = decodeFailure(unknown);
    expect(error.message).toBe('unknown event type gov.ofm.nowhere.thing.happened.v1');
    expect(error.reason).toBe('unknown-type');
    // The envelope itself is fine: consumers use that to skip types they do not know.
    expect(decodeEnvelope(unknown).type).toBe('gov.ofm.nowhere.thing.happened.v1');
  });

  it('refuses to encode an unknown event type', () => {
    expect(() => encodeEvent({ ...event, type: 'gov.ofm.nowhere.thing.happened.v1' })).toThrow(EventEncodeError);
  });
});
