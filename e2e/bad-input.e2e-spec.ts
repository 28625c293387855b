import { randomUUID } from 'node:crypto';
import {
  api,
  type ApiAnswer,
  type RunningPlatform,
  startPlatform,
  waitFor,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; schema: { type?: string } }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
};

// The values a hostile or careless client sends (docs/api/input-rules.md): each is answered 400
// problem+json naming the field (422 with the rule named, for a day outside its bounds: a rule the
// document cannot state), never 5xx, by the real platform: the gateway checks it, and a value that
// passed is one every service accepts and stores as checked.
describe('bad input', () => {
  let platform: RunningPlatform;
  let admin: string;
  let document: { paths: Record<string, Record<string, Operation>> };
  const ids: Record<string, string> = {};

  const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    api(platform.baseUrl, method, path, { token: admin, body, headers });

  // 400, as problem+json, naming exactly these fields.
  const refused = (answer: ApiAnswer, ...fields: string[]) => {
    expect({ status: answer.status, type: answer.headers.get('content-type') }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect([...new Set((answer.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(
      [...fields].sort(),
    );
    return answer.body.errors as { field: string; message: string }[];
  };

  // 422, as problem+json, the rule day-bounds named, and exactly these fields.
  const outOfBounds = (answer: ApiAnswer, ...fields: string[]) => {
    expect({
      status: answer.status,
      type: answer.headers.get('content-type'),
      problem: answer.body.type,
      rule: answer.body.rule,
    }).toEqual({
      status: 422,
      type: expect.stringMatching(/^application\/problem\+json/),
      problem: 'https://ofm.state.gov/problems/day-bounds',
      rule: 'day-bounds',
    });
    expect([...new Set((answer.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(
      [...fields].sort(),
    );
    return answer.body.errors as { field: string; message: string }[];
  };

  beforeAll(async () => {
    platform = await startPlatform('badinput');
    admin = await platform.issuer.token({ sub: 'admin-1', roles: ['ofm-admin'] });
    const mission = await call('POST', '/api/v1/missions', embassyOfFrance);
    expect(mission.status).toBe(201);
    const member = await call('POST', '/api/v1/members', firstSecretary(mission.body.id, isoDate(-10)));
    expect(member.status).toBe(201);
    expect(
      (await call('POST', `/api/v1/members/${member.body.id}/accreditation`, { decision: 'accredit' })).status,
    ).toBe(200);
    // The vehicles service learns of the accreditation over Kafka; this VIN is in lower case.
    const vehicle = await waitFor(
      async () => {
        const r = await call('POST', '/api/v1/vehicles', { ...car(member.body.id), vin: '1hgcm82633a004352' });
        return r.status === 201 ? r : undefined;
      },
      { what: 'the vehicles service to know the accredited member' },
    );
    Object.assign(ids, { mission: mission.body.id, member: member.body.id, vehicle: vehicle.body.id });
    ids.vin = vehicle.body.vin;
    document = (await api(platform.baseUrl, 'GET', '/api/v1/openapi.json')).body;
  }, 120_000);
  afterAll(() => platform?.stop());

  describe('NUL and other control characters', () => {
    // Every string of every request example the OpenAPI document shows, one at a time, with a NUL:
    // free text, words, dates, ids, codes alike. Path ids need not exist: a bad body is refused
    // before any service is asked.
    const stringsOf = (value: unknown, at = ''): string[] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => stringsOf(v, at ? `${at}.${k}` : k))
        : typeof value === 'string'
          ? [at]
          : [];
    // A path whose parameters are well-formed (a country code, else an id) and need not exist.
    const anyPath = (path: string): string => path.replace('{iso2}', 'FR').replace(/\{\w+\}/g, randomUUID());
    const withNul = (value: any, path: string[]): any =>
      path.length === 1
        ? { ...value, [path[0]!]: `${value[path[0]!]}\u0000` }
        : { ...value, [path[0]!]: withNul(value[path[0]!], path.slice(1)) };

    it('refuses a NUL in any string field of any request body, naming the field', async () => {
      let checked = 0;
      for (const [path, ops] of Object.entries(document.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const example = op.requestBody?.content['application/json']?.example;
          if (!example) continue;
          const url = anyPath(path);
          // A route that requires If-Match (428 without it) is sent one, so that the body is what is judged.
          const headers = op.parameters?.some((p) => p.in === 'header' && p.name === 'If-Match')
            ? { 'if-match': '"1"' }
            : undefined;
          for (const field of stringsOf(example)) {
            const answer = await call(method.toUpperCase(), url, withNul(example, field.split('.')), headers);
            expect({ op: op.operationId, field, status: answer.status }).toEqual({
              op: op.operationId,
              field,
              status: 400,
            });
            refused(answer, field);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(20);
    });

    it('refuses a NUL in any query parameter, naming it', async () => {
      let checked = 0;
      for (const [path, ops] of Object.entries(document.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (method !== 'get') continue;
          for (const p of (op.parameters ?? []).filter((q) => q.in === 'query' && q.schema.type === 'string')) {
            const url = `${anyPath(path)}?${p.name}=D%00`;
            refused(await call('GET', url), p.name);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThanOrEqual(8);
    });

    it('answers GET /verify?idCard=D%00 with 400 naming idCard, not 500', async () => {
      refused(await call('GET', '/api/v1/verify?idCard=D%00'), 'idCard');
    });

    it('refuses a NUL in a path id, naming it', async () => {
      refused(await call('GET', `/api/v1/members/${ids.member}%00`), 'id');
    });

    it.each(['\u001B[31m', '\n', '\u007F', '\u0085', '\uD800'])('refuses %j in a name', async (c) => {
      const errors = refused(
        await call('POST', '/api/v1/members', { ...firstSecretary(ids.mission!, isoDate(-10)), familyName: `A${c}B` }),
        'familyName',
      );
      expect(errors[0]!.message).toBe('familyName must not contain control characters');
    });
  });

  describe('names', () => {
    it.each([
      ['\u200B\u200B', 'givenName must contain a visible letter or digit'],
      ['\u2060\uFEFF', 'givenName must contain a visible letter or digit'],
      ['   ', 'givenName must not be empty'],
      ['x'.repeat(101), 'givenName must be at most 100 characters'],
    ])('refuses the given name %j', async (givenName, message) => {
      const errors = refused(
        await call('POST', '/api/v1/members', { ...firstSecretary(ids.mission!, isoDate(-10)), givenName }),
        'givenName',
      );
      expect(errors[0]!.message.startsWith(message)).toBe(true);
    });

    it('stores a name as it was checked: NFC, trimmed', async () => {
      const body = { ...firstSecretary(ids.mission!, isoDate(-10)), givenName: '  Zoe\u0308 ', familyName: 'Moreau\t' };
      const created = await call('POST', '/api/v1/members', body);
      expect(created.status).toBe(201);
      const read = await call('GET', `/api/v1/members/${created.body.id}`);
      expect({ given: read.body.givenName, family: read.body.familyName }).toEqual({
        given: 'Zo\u00EB',
        family: 'Moreau',
      });
    });
  });

  describe('countries', () => {
    it('refuses an unassigned country for a mission, a nationality and a filter', async () => {
      refused(await call('POST', '/api/v1/missions', { ...embassyOfFrance, country: 'XX' }), 'country');
      refused(
        await call('POST', '/api/v1/members', { ...firstSecretary(ids.mission!, isoDate(-10)), nationality: 'XX' }),
        'nationality',
      );
      refused(await call('GET', '/api/v1/missions?country=XX'), 'country');
    });

    it('accepts an assigned one (FR)', async () => {
      const list = await call('GET', '/api/v1/missions?country=FR');
      expect(list.status).toBe(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(ids.mission);
    });
  });

  describe('VINs', () => {
    it('refuses a North American VIN with a wrong check digit, giving the digit it should carry', async () => {
      const errors = refused(
        await call('POST', '/api/v1/vehicles', { ...car(ids.member!), vin: '1HG6AMMX1NA348834' }),
        'vin',
      );
      expect(errors[0]!.message).toContain('check digit X at position 9');
    });

    it('refuses a VIN with I, O or Q', async () => {
      refused(await call('POST', '/api/v1/vehicles', { ...car(ids.member!), vin: 'WBA3A5C51CF25665O' }), 'vin');
    });

    it('took a VIN typed in lower case, and stored it in upper case', () => {
      expect(ids.vin).toBe('1HGCM82633A004352');
    });
  });

  describe('days', () => {
    it.each([
      ['arrivalDate', '9999-12-31'],
      ['dateOfBirth', '1899-12-31'],
      ['dateOfBirth', 'tomorrow'],
      ['expectedDepartureDate', '9999-12-31'],
    ])('refuses %s %s (422 day-bounds), naming the days it takes', async (field, value) => {
      const day = value === 'tomorrow' ? isoDate(1) : value;
      const errors = outOfBounds(
        await call('POST', '/api/v1/members', { ...firstSecretary(ids.mission!, isoDate(-10)), [field]: day }),
        field,
      );
      expect(errors[0]!.message).toMatch(new RegExp(`^${field} must be between \\d{4}-\\d{2}-\\d{2} and `));
    });

    it('refuses a termination and a policy dated 9999-12-31 (422 day-bounds)', async () => {
      outOfBounds(
        await call('POST', `/api/v1/members/${ids.member}/termination`, { effectiveDate: '9999-12-31', reason: 'end' }),
        'effectiveDate',
      );
      outOfBounds(
        await call('POST', `/api/v1/vehicles/${ids.vehicle}/insurance`, {
          ...carInsurance(),
          expirationDate: '9999-12-31',
        }),
        'expirationDate',
      );
    });

    it('answers 400, not 422, when a day out of bounds comes with a value the document refuses', async () => {
      refused(
        await call('POST', `/api/v1/members/${ids.member}/termination`, { effectiveDate: '9999-12-31', reason: 7 }),
        'effectiveDate',
        'reason',
      );
    });
  });

  describe('limit', () => {
    it.each(['1e2', '0x10', '%2B5', '%205', '05', '5.0', '-1'])(
      'refuses limit=%s as not a plain decimal integer',
      async (limit) => {
        const errors = refused(await call('GET', `/api/v1/members?limit=${limit}`), 'limit');
        expect(errors[0]!.message).toBe('limit must be a plain decimal integer, e.g. 50');
      },
    );

    it('takes limit=1', async () => {
      const page = await call('GET', '/api/v1/members?limit=1');
      expect({ status: page.status, items: page.body.items.length }).toEqual({ status: 200, items: 1 });
    });
  });

  describe('If-Match', () => {
    let before: string | null;
    beforeAll(async () => {
      before = (await call('GET', `/api/v1/members/${ids.member}`)).headers.get('etag');
    });

    it.each(['W/"1"', 'w/"1"', '"1", W/"2"', '"abc"'])('refuses %s, naming If-Match', async (ifMatch) => {
      const answer = await call(
        'POST',
        `/api/v1/members/${ids.member}/termination`,
        { effectiveDate: isoDate(0), reason: 'end' },
        {
          'if-match': ifMatch,
        },
      );
      refused(answer, 'If-Match');
    });

    it('left the member as it was (nothing refused had an effect)', async () => {
      const member = await call('GET', `/api/v1/members/${ids.member}`);
      expect({ status: member.body.status, etag: member.headers.get('etag') }).toEqual({
        status: 'accredited',
        etag: before,
      });
      expect(before).toMatch(/^"\d+"$/);
    });
  });
});
