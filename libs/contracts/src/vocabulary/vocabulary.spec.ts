import * as protobuf from 'protobufjs';
import { MEMBER_CATEGORY, VISA_CLASS } from '../gen/words';
import { toAnswer } from './answer';
import { messageSchema } from './json-schema';
import { messageType } from './proto-root';
import { fieldRules } from './rules';
import { requestSchema, requestViolations, violationsOf } from './validate';

const NOTIFY = 'ofm.accreditation.v1.NotifyAppointmentRequest';
const INSURANCE = 'ofm.vehicles.v1.AddInsurancePolicyRequest';
const VEHICLE = 'ofm.vehicles.v1.RegisterVehicleRequest';

const appointment = () => ({
  givenName: 'Claire',
  familyName: 'Dubois',
  dateOfBirth: '1984-03-12',
  nationality: 'FR',
  category: 'diplomatic-agent',
  arrivalDate: '2026-11-02',
});
const money = (amount: string) => ({ amount, currency: 'USD' });
const policy = (limits: object) => ({
  insurer: 'GEICO',
  policyNumber: 'GX-1',
  effectiveDate: '2026-11-01',
  expirationDate: '2027-11-01',
  ...limits,
});
const fields = (violations: { field: string }[]) => violations.map((v) => v.field).sort();

describe('the vocabulary derived from proto/', () => {
  describe('words', () => {
    it('takes each vocabulary from its enum, in declaration order, with the exact words of DOMAIN.md', () => {
      expect(MEMBER_CATEGORY[0]).toBe('diplomatic-agent');
      expect(MEMBER_CATEGORY).toHaveLength(13);
      expect(VISA_CLASS).toContain('NATO-7');
    });

    it('gives a field the words of the enum it names, and the schema lists them', () => {
      const schema = messageSchema(NOTIFY, 'request');
      expect((schema.properties as Record<string, { enum: string[] }>).category!.enum).toEqual([...MEMBER_CATEGORY]);
    });
  });

  describe('request checks', () => {
    const check = (value: unknown) => violationsOf(requestSchema(NOTIFY), value);

    it('accepts a valid notification of appointment', () => {
      expect(check(appointment())).toEqual([]);
    });

    it('names each missing required field', () => {
      expect(fields(check({}))).toEqual([
        'arrivalDate',
        'category',
        'dateOfBirth',
        'familyName',
        'givenName',
        'nationality',
      ]);
    });

    it('refuses an unknown field, naming it', () => {
      expect(check({ ...appointment(), ambassador: 'X' })).toEqual([
        { field: 'ambassador', message: 'property ambassador should not exist' },
      ]);
    });

    it.each([
      ['category', 'palace', 'category must be one of diplomatic-agent'],
      ['nationality', 'fr', 'nationality must be an assigned ISO 3166-1 alpha-2 country code in capitals (e.g. "FR")'],
      ['dateOfBirth', '2025-02-30', 'dateOfBirth must be an ISO 8601 date (YYYY-MM-DD) that exists'],
      ['givenName', '', 'givenName must not be empty'],
      ['givenName', 'x'.repeat(101), 'givenName must be at most 100 characters'],
      ['weeklyHours', 169, 'weeklyHours must be ≤ 168'],
      ['weeklyHours', -1, 'weeklyHours must be ≥ 0'],
      ['weeklyHours', '40', 'weeklyHours must be a number'],
      ['missionId', 'not-a-uuid', 'missionId must be a UUID'],
      ['usCitizenOrPermanentResident', 'yes', 'usCitizenOrPermanentResident must be a boolean'],
    ])('refuses %s = %j with a message that names it', (field, value, message) => {
      const violations = check({ ...appointment(), [field]: value });
      expect(violations).toHaveLength(1);
      expect(violations[0]!.field).toBe(field);
      expect(violations[0]!.message).toContain(message);
    });

    it('reads required on a field without explicit presence as "not the zero value", as the wire does', () => {
      const mission = {
        name: 'Embassy of France',
        country: 'FR',
        type: 'embassy',
        address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
        location: { lat: 0, lon: -77.0779 },
      };
      expect(violationsOf(requestSchema('ofm.accreditation.v1.RegisterMissionRequest'), mission)).toEqual([
        { field: 'location.lat', message: 'location.lat is required, and 0 is no value on the wire' },
      ]);
    });

    it('refuses control characters in free text', () => {
      expect(check({ ...appointment(), givenName: 'Cla\u0000ire' })).toEqual([
        { field: 'givenName', message: 'givenName must not contain control characters' },
      ]);
    });

    it('names nested fields by their path', () => {
      const violations = violationsOf(
        requestSchema(INSURANCE, { omit: ['vehicleId'] }),
        policy({ combinedSingleLimit: money('3x') }),
      );
      expect(fields(violations)).toEqual(['combinedSingleLimit.amount']);
    });

    it('takes exactly one owner of a vehicle (a buf.validate oneof)', () => {
      const vehicle = { vin: '1HGCM82633A004352', make: 'Honda', model: 'Accord', year: 2024, kind: 'car' };
      const id = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
      const schema = requestSchema(VEHICLE);
      expect(violationsOf(schema, { ...vehicle, ownerMemberId: id })).toEqual([]);
      expect(violationsOf(schema, { ...vehicle, ownerMissionId: id })).toEqual([]);
      for (const body of [vehicle, { ...vehicle, ownerMemberId: id, ownerMissionId: id }]) {
        expect(violationsOf(schema, body)).toEqual([
          { field: 'ownerMemberId', message: 'give exactly one of ownerMemberId, ownerMissionId' },
        ]);
      }
    });

    it('takes a combined single limit or the three split limits, whole, never both', () => {
      const schema = requestSchema(INSURANCE, { omit: ['vehicleId'] });
      const split = {
        bodilyInjuryPerPerson: money('100000.00'),
        bodilyInjuryPerAccident: money('300000.00'),
        propertyDamage: money('100000.00'),
      };
      expect(violationsOf(schema, policy({ combinedSingleLimit: money('300000.00') }))).toEqual([]);
      expect(violationsOf(schema, policy(split))).toEqual([]);
      for (const limits of [
        {},
        { bodilyInjuryPerPerson: money('1.00') },
        { combinedSingleLimit: money('300000.00'), propertyDamage: money('1.00') },
      ]) {
        expect(fields(violationsOf(schema, policy(limits)))).toEqual(['combinedSingleLimit']);
      }
    });

    it('reads gRPC defaults of fields without explicit presence as absent, as protovalidate does', () => {
      // proto3 delivers absent strings as '', absent numbers as 0, absent booleans as false.
      const delivered = { ...appointment(), title: undefined, commercialActivity: false, familyName: '' };
      expect(requestViolations(NOTIFY, delivered)).toEqual([
        { field: 'familyName', message: 'familyName is required' },
      ]);
    });

    it('checks a present optional field even when it holds its zero value', () => {
      expect(requestViolations(NOTIFY, { ...appointment(), title: '' })).toEqual([
        { field: 'title', message: 'title must not be empty' },
      ]);
    });
  });

  describe('answers', () => {
    it('gives every field, null where the proto has no value', () => {
      const member = toAnswer('ofm.accreditation.v1.Member', { id: 'm-1', category: 'dependent', openItems: [] });
      expect(member).toMatchObject({
        id: 'm-1',
        title: null,
        idCard: null,
        weeklyHours: null,
        version: 0,
        disabled: false,
      });
      expect(member).toHaveProperty('failedCriteria', []);
    });

    it('describes the same shape in its answer schema: all fields present, optional ones nullable', () => {
      const schema = messageSchema('ofm.accreditation.v1.Member', 'answer');
      const props = schema.properties as Record<string, object>;
      expect(schema.required).toEqual(Object.keys(props));
      expect(props.title).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    });
  });

  describe('the derivation', () => {
    it('refuses a buf.validate rule it does not enforce, rather than ignore it', () => {
      const root = protobuf.parse(
        `syntax = "proto3"; package t; message M { string a = 1 [(buf.validate.field).string.email = true]; }`,
        { keepCase: false },
      ).root;
      const field = root.lookupType('t.M').fields.a!;
      expect(() => fieldRules(field)).toThrow(/string.email/);
    });

    it('derives a schema for every request message of every service without error', () => {
      for (const service of [
        'ofm.accreditation.v1.MemberService',
        'ofm.accreditation.v1.MissionService',
        'ofm.vehicles.v1.VehicleService',
      ]) {
        const svc = messageType('ofm.accreditation.v1.Member').root.lookupService(service);
        for (const method of Object.values(svc.methods)) {
          expect(() => requestSchema(method.resolvedRequestType!.fullName.slice(1))).not.toThrow();
        }
      }
    });
  });
});
