import { addDays, addYears, ofmDay } from '@ofm/kernel';
import { messageSchema } from './json-schema';
import { normalized, requestSchema, requestViolations, violationsOf } from './validate';

// The rules on the values of fields (docs/api/input-rules.md), as the gateway and the services read
// them: control characters, invisible names, assigned countries, VIN check digits, day bounds.

const NOTIFY = 'ofm.accreditation.v1.NotifyAppointmentRequest';
const MISSION = 'ofm.accreditation.v1.RegisterMissionRequest';
const VEHICLE = 'ofm.vehicles.v1.RegisterVehicleRequest';
const INSURANCE = 'ofm.vehicles.v1.AddInsurancePolicyRequest';
const TERMINATE = 'ofm.accreditation.v1.TerminateMemberRequest';
const today = () => ofmDay(new Date());

const appointment = (): Record<string, unknown> => ({
  givenName: 'Claire',
  familyName: 'Dubois',
  dateOfBirth: '1984-03-12',
  nationality: 'FR',
  category: 'diplomatic-agent',
  arrivalDate: addDays(today(), -10),
});
const mission = (): Record<string, unknown> => ({
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9, lon: -77.07 },
});
const vehicle = (vin: string) => ({
  vin,
  make: 'Honda',
  model: 'Accord',
  year: 2024,
  kind: 'car',
  ownerMissionId: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c',
});
const check = (fullName: string, body: unknown) => violationsOf(requestSchema(fullName), body);
const withNormalized = (fullName: string, body: unknown) => check(fullName, normalized(requestSchema(fullName), body));

describe('rules on the values of fields', () => {
  describe('free text', () => {
    it.each([
      ['givenName', 'Cla\u0000ire'],
      ['familyName', 'Du\u001Bbois'],
      ['title', 'First\u0085Secretary'],
      ['givenName', 'Claire\uD800'],
    ])('refuses a control character in %s (%j), naming the field', (field, value) =>
      expect(check(NOTIFY, { ...appointment(), [field]: value })).toEqual([
        { field, message: `${field} must not contain control characters` },
      ]),
    );

    it('refuses control characters in nested text, by its path', () =>
      expect(
        check(MISSION, { ...mission(), address: { ...(mission().address as object), city: 'Wash\u0000' } }),
      ).toEqual([{ field: 'address.city', message: 'address.city must not contain control characters' }]));

    it.each(['\u200B\u200B', '\u2060', '\u3164', '...'])('refuses a name with nothing visible (%j)', (name) =>
      expect(withNormalized(NOTIFY, { ...appointment(), givenName: name })).toEqual([
        {
          field: 'givenName',
          message:
            'givenName must contain a visible letter or digit (not only spaces, punctuation or invisible characters)',
        },
      ]),
    );

    it('reads a name of spaces as empty once trimmed', () =>
      expect(withNormalized(NOTIFY, { ...appointment(), familyName: '   ' })).toEqual([
        { field: 'familyName', message: 'familyName must not be empty' },
      ]));

    it('normalises text to NFC and trims it; the value given is left as it was', () => {
      const given = { ...appointment(), givenName: '  Zoe\u0308 ' };
      const out = normalized(requestSchema(NOTIFY), given) as Record<string, unknown>;
      expect(out.givenName).toBe('Zo\u00EB');
      expect(given.givenName).toBe('  Zoe\u0308 ');
      expect(check(NOTIFY, out)).toEqual([]);
    });

    it('bounds a name after normalising it (100 characters)', () => {
      expect(withNormalized(NOTIFY, { ...appointment(), givenName: ` ${'a'.repeat(100)} ` })).toEqual([]);
      expect(withNormalized(NOTIFY, { ...appointment(), givenName: 'a'.repeat(101) })).toEqual([
        { field: 'givenName', message: 'givenName must be at most 100 characters' },
      ]);
    });

    it('normalises in place what a service was sent, so the handler stores what was checked', () => {
      const request = { ...appointment(), givenName: ' Claire ', familyName: 'Moreau\u0301' };
      expect(requestViolations(NOTIFY, request)).toEqual([]);
      expect(request.givenName).toBe('Claire');
      expect(request.familyName).toBe('Moreau\u0301'.normalize('NFC'));
    });

    it('never follows a key the schema does not declare (__proto__ stays data)', () => {
      const body = JSON.parse('{"givenName":" Claire ","__proto__":{"polluted":true}}');
      const out = normalized(requestSchema(NOTIFY), body) as Record<string, unknown>;
      expect(out.givenName).toBe('Claire');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    });
  });

  describe('countries', () => {
    it.each(['FR', 'US', 'XK', 'TW', 'SS'])('accepts %s', (country) => {
      expect(check(MISSION, { ...mission(), country })).toEqual([]);
      expect(check(NOTIFY, { ...appointment(), nationality: country })).toEqual([]);
    });

    it.each(['XX', 'ZZ', 'UK', 'SU', 'fr', 'FRA', 'F\u0000'])(
      'refuses %j with one message naming the field',
      (country) =>
        expect(check(MISSION, { ...mission(), country })).toEqual([
          {
            field: 'country',
            message: 'country must be an assigned ISO 3166-1 alpha-2 country code in capitals (e.g. "FR")',
          },
        ]),
    );

    // A shape (^[A-Z]{2}$) would allow "AA", which the API refuses: the document lists the codes.
    it('lists the accepted codes in the request schema, so a code it allows is one the API accepts', () => {
      const country = (messageSchema(MISSION, 'request').properties as Record<string, { enum: string[] }>).country!;
      expect(country).toMatchObject({ type: 'string', format: 'country' });
      expect(country).not.toHaveProperty('pattern');
      expect(country.enum).toHaveLength(250);
      expect(country.enum).toEqual(expect.arrayContaining(['FR', 'US', 'XK', 'SS']));
      expect(country.enum).not.toContain('AA');
      expect(country.enum).toEqual([...country.enum].sort());
    });

    it('answers without the list', () => {
      const country = (messageSchema(MISSION, 'answer').properties as Record<string, object>).country;
      expect(country).not.toHaveProperty('enum');
    });
  });

  describe('VINs', () => {
    it.each(['1HGCM82633A004352', '1M8GDM9AXKP042788', 'WBA3A5C50CF256651', 'JHMCM56557C404453'])('accepts %s', (vin) =>
      expect(check(VEHICLE, vehicle(vin))).toEqual([]),
    );

    it('refuses a North American VIN with a wrong check digit, giving the right one', () =>
      expect(check(VEHICLE, vehicle('1HG6AMMX1NA348834'))).toEqual([
        {
          field: 'vin',
          message: 'vin must carry its check digit X at position 9, as a North American VIN does (49 CFR 565)',
        },
      ]));

    it.each(['1HGCM82633A00435', '1HGCM82633A00435I', '1HGCM82633A00435\u0000'])('refuses %j by its form', (vin) =>
      expect(check(VEHICLE, vehicle(vin))).toEqual([
        { field: 'vin', message: 'vin must be a VIN: 17 letters and digits without I, O or Q' },
      ]),
    );

    it('reads a VIN in upper case, so a lower-case VIN is the same car', () => {
      const out = normalized(requestSchema(VEHICLE), vehicle(' 1hgcm82633a004352')) as { vin: string };
      expect(out.vin).toBe('1HGCM82633A004352');
      expect(check(VEHICLE, out)).toEqual([]);
    });
  });

  describe('days', () => {
    const t = () => today();
    it.each([
      [NOTIFY, 'arrivalDate', '9999-12-31'],
      [NOTIFY, 'arrivalDate', '1900-01-01'],
      [NOTIFY, 'dateOfBirth', '1899-12-31'],
      [NOTIFY, 'dateOfBirth', 'tomorrow'],
      [NOTIFY, 'expectedDepartureDate', '9999-12-31'],
    ])('refuses %s %s = %s, naming the field and the days it takes', (name, field, value) => {
      const day = value === 'tomorrow' ? addDays(t(), 1) : value;
      const [problem, ...more] = check(name, { ...appointment(), [field]: day });
      expect(more).toEqual([]);
      expect(problem!.field).toBe(field);
      expect(problem!.message).toMatch(
        new RegExp(`^${field} must be between \\d{4}-\\d{2}-\\d{2} and \\d{4}-\\d{2}-\\d{2}$`),
      );
    });

    it('takes each end of a field’s bounds, today included', () => {
      expect(check(NOTIFY, { ...appointment(), dateOfBirth: '1900-01-01' })).toEqual([]);
      expect(check(NOTIFY, { ...appointment(), dateOfBirth: t(), arrivalDate: t() })).toEqual([]);
      expect(check(NOTIFY, { ...appointment(), arrivalDate: addYears(t(), 1) })).toEqual([]);
      expect(check(NOTIFY, { ...appointment(), arrivalDate: addDays(addYears(t(), 1), 1) })).toHaveLength(1);
    });

    it('says the bounds of a date of birth in days', () =>
      expect(check(NOTIFY, { ...appointment(), dateOfBirth: '1066-10-14' })).toEqual([
        { field: 'dateOfBirth', message: `dateOfBirth must be between 1900-01-01 and ${t()}`, rule: 'day-bounds' },
      ]));

    // No JSON Schema keyword says "within a year of today": the document shows the bounds as an
    // extension and in words, and a day outside them is a rule (422), not a 400.
    it('tags a day outside its bounds as the rule day-bounds, and shows the bounds in the document', () => {
      const dateOfBirth = (messageSchema(NOTIFY, 'request').properties as Record<string, { description?: string }>)
        .dateOfBirth!;
      expect(dateOfBirth).toMatchObject({ 'x-ofm-days': { min: '1900-01-01', max: 'today' } });
      expect(dateOfBirth.description).toContain('from 1900-01-01 to today');
      expect(dateOfBirth.description).toContain('422 (rule day-bounds)');
      expect(check(NOTIFY, { ...appointment(), dateOfBirth: '1900-02-30' })).toEqual([
        expect.not.objectContaining({ rule: expect.anything() }),
      ]);
    });

    it('bounds termination and insurance dates too', () => {
      const id = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
      expect(
        fields(check(TERMINATE, { id, effectiveDate: '9999-12-31', reason: 'end', departureDate: '0001-01-01' })),
      ).toEqual(['departureDate', 'effectiveDate']);
      const policy = {
        vehicleId: id,
        insurer: 'GEICO',
        policyNumber: 'GX-1',
        effectiveDate: '2000-01-01',
        expirationDate: '9999-12-31',
        combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
      };
      expect(fields(check(INSURANCE, policy))).toEqual(['effectiveDate', 'expirationDate']);
    });

    it('leaves a day that does not exist to the date format (one message)', () =>
      expect(check(NOTIFY, { ...appointment(), arrivalDate: '2026-02-30' })).toEqual([
        { field: 'arrivalDate', message: 'arrivalDate must be an ISO 8601 date (YYYY-MM-DD) that exists' },
      ]));

    it('shows the bounds as declared in the schema', () => {
      const props = messageSchema(NOTIFY, 'request').properties as Record<string, object>;
      expect(props.dateOfBirth).toMatchObject({ format: 'date', 'x-ofm-days': { min: '1900-01-01', max: 'today' } });
      expect(props.arrivalDate).toMatchObject({ 'x-ofm-days': { min: '-60y', max: '+1y' } });
    });
  });
});

const fields = (violations: { field: string }[]) => violations.map((v) => v.field).sort();
