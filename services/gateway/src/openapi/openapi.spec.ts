import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { API_CONTROLLERS } from '../app.module';
import { startTestGateway, type DownstreamCall, type TestGateway } from '../gateway.spec-helper';
import { documentedRoutes } from '../http/routes';

const ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const OTHER_ID = '9c3a1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b';

// The document's schemas read by an independent JSON Schema 2020-12 validator (not the gateway's).
// strictRequired off: an either/or branch names fields declared beside it, as JSON Schema allows.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
ajv.addKeyword('x-ofm-message');
ajv.addKeyword('x-ofm-field');
// The vocabulary's own formats and day bounds (docs/api/input-rules.md) are the gateway's to check.
ajv.addKeyword('x-ofm-days');
for (const format of ['country', 'vin']) ajv.addFormat(format, true);
const accepts = (schema: object, value: unknown): boolean => ajv.validate(schema, value) as boolean;

type Operation = { method: string; path: string; where: string; op: any };

describe('OpenAPI document and docs', () => {
  let gw: TestGateway;
  let doc: any;
  let ops: Operation[];

  beforeAll(async () => {
    gw = await startTestGateway();
    const res = await gw.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    ops = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ method, path, where: `${method.toUpperCase()} ${path}`, op })),
    );
  });
  afterAll(() => gw.close());
  beforeEach(() => jest.clearAllMocks());

  const paramsOf = (op: any, where: string): any[] => (op.parameters ?? []).filter((p: any) => p.in === where);
  const bodySchemaOf = (path: string, method = 'post') =>
    doc.paths[path][method].requestBody.content['application/json'].schema;
  const answerSchemaOf = (path: string, method = 'get', status = '200') =>
    doc.paths[path][method].responses[status].content['application/json'].schema;

  it('is OpenAPI 3.1 in the JSON Schema 2020-12 dialect, with a bearer JWT scheme, served without a token', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: '1' });
    expect(doc.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: expect.any(String),
    });
  });

  it('describes exactly the API routes (not health, metrics or docs)', () => {
    expect(ops.map((o) => o.where).sort()).toEqual(
      [
        'GET /api/v1/flags',
        'POST /api/v1/missions',
        'GET /api/v1/missions',
        'GET /api/v1/missions/{id}',
        'POST /api/v1/missions/{id}/status',
        'POST /api/v1/members',
        'GET /api/v1/members',
        'GET /api/v1/members/{id}',
        'POST /api/v1/members/{id}/accreditation',
        'POST /api/v1/members/{id}/termination',
        'POST /api/v1/members/{id}/changes',
        'POST /api/v1/members/{id}/promotion',
        'POST /api/v1/members/{id}/id-card/renewal',
        'POST /api/v1/members/{id}/id-card/loss',
        'POST /api/v1/members/{id}/returned-documents',
        'GET /api/v1/countries/{iso2}/reciprocity',
        'PUT /api/v1/countries/{iso2}/reciprocity',
        'GET /api/v1/countries/{iso2}/reciprocity/history',
        'GET /api/v1/reciprocity/measures',
        'POST /api/v1/countries/{iso2}/agreements',
        'GET /api/v1/countries/{iso2}/agreements',
        'GET /api/v1/agreements/{id}',
        'POST /api/v1/agreements/{id}/status',
        'POST /api/v1/vehicles',
        'GET /api/v1/vehicles',
        'GET /api/v1/vehicles/{id}',
        'POST /api/v1/vehicles/{id}/insurance',
        'GET /api/v1/vehicles/{id}/insurance',
        'GET /api/v1/vehicles/{id}/insurance/{policyId}',
        'POST /api/v1/vehicles/{id}/insurance/{policyId}/cancellation',
        'GET /api/v1/insurance-reminders',
        'POST /api/v1/insurance-feeds',
        'GET /api/v1/insurance-feeds/{id}',
        'POST /api/v1/vehicles/{id}/registration/renewal',
        'POST /api/v1/vehicles/{id}/plate/loss',
        'POST /api/v1/vehicles/{id}/titles',
        'POST /api/v1/vehicles/{id}/disposal',
        'POST /api/v1/licences',
        'GET /api/v1/licences/{id}',
        'POST /api/v1/licences/{id}/violations',
        'GET /api/v1/verify',
        'POST /api/v1/travel-notifications',
        'GET /api/v1/travel-notifications',
        'GET /api/v1/travel-notifications/{id}',
        'POST /api/v1/travel-notifications/{id}/decision',
        'GET /api/v1/tenure',
        'POST /api/v1/missions/{id}/recertification',
      ].sort(),
    );
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
  });

  it('lists on every operation the roles its route declares, and requires the bearer token', () => {
    const declared = new Map(
      documentedRoutes(API_CONTROLLERS).map((r) => [
        `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`,
        r.route.roles,
      ]),
    );
    expect([...declared.keys()].sort()).toEqual(ops.map((o) => o.where).sort());
    for (const { where, op } of ops) {
      const roles = declared.get(where)!;
      expect(roles.length).toBeGreaterThan(0);
      expect({ where, roles: /\*\*Roles:\*\* (.*)$/.exec(op.description)?.[1] }).toEqual({
        where,
        roles: roles.join(', '),
      });
      // Operation security, or the document's, which an operation without its own inherits.
      expect({ where, security: op.security ?? doc.security }).toEqual({ where, security: [{ bearer: [] }] });
    }
  });

  it('documents the problems every route may answer, and 413/415 where there is a body, each with its own example', () => {
    const common = ['400', '401', '403', '429', '431', '500', '503', '504'];
    const examples = new Map<string, string>();
    for (const { where, op } of ops) {
      const expected = op.requestBody ? [...common, '413', '415'] : common;
      const documented = Object.keys(op.responses);
      expect({ where, missing: expected.filter((s) => !documented.includes(s)) }).toEqual({ where, missing: [] });
      if (!op.requestBody) expect({ where, has413: '413' in op.responses }).toEqual({ where, has413: false });
      for (const status of documented.filter((s) => Number(s) >= 400)) {
        const content = op.responses[status].content['application/problem+json'];
        expect(content.schema).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(content.example.status).toBe(Number(status));
        expect({ where, status, valid: accepts(doc.components.schemas.Problem, content.example) }).toEqual({
          where,
          status,
          valid: true,
        });
        const text = JSON.stringify(content.example);
        if (!examples.has(status)) examples.set(status, text);
        // One status, one example, wherever it is documented.
        expect(examples.get(status)).toBe(text);
      }
    }
    // …and no two statuses share an example type.
    const types = [...examples.values()].map((e) => (JSON.parse(e) as { type: string }).type);
    expect(new Set(types).size).toBe(types.length);
    expect(examples.size).toBeGreaterThanOrEqual(common.length + 2);
  });

  // A day outside its bounds (x-ofm-days, relative to today) is a rule no JSON Schema keyword states.
  it('documents 422 on every operation with a day bounded relative to today, the bounds in words', () => {
    const bounded = ops.filter(
      ({ op }) =>
        JSON.stringify(op.parameters ?? []).includes('x-ofm-days') ||
        JSON.stringify(op.requestBody ?? {}).includes('x-ofm-days'),
    );
    expect(bounded.map((o) => o.where)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/members',
        'POST /api/v1/licences',
        'POST /api/v1/vehicles/{id}/disposal',
        'POST /api/v1/members/{id}/termination',
      ]),
    );
    for (const { where, op } of bounded) {
      expect({ where, has422: '422' in op.responses }).toEqual({ where, has422: true });
    }
    const dateOfBirth = ops.find((o) => o.where === 'POST /api/v1/members')!.op.requestBody.content['application/json']
      .schema.properties.dateOfBirth;
    expect(dateOfBirth).toMatchObject({ 'x-ofm-days': { min: '1900-01-01', max: 'today' } });
    expect(dateOfBirth.description).toContain('422 (rule day-bounds)');
  });

  it('lists the accepted country codes wherever a request takes one: path, query and body', () => {
    const codes = (schema: any): string[] => schema.enum;
    const path = ops.find((o) => o.where === 'GET /api/v1/countries/{iso2}/reciprocity')!;
    const iso2 = paramsOf(path.op, 'path').find((p) => p.name === 'iso2').schema;
    const missions = ops.find((o) => o.where === 'GET /api/v1/missions')!;
    const query = paramsOf(missions.op, 'query').find((p) => p.name === 'country')?.schema;
    const body = ops.find((o) => o.where === 'POST /api/v1/missions')!.op.requestBody.content['application/json'].schema
      .properties.country;
    for (const schema of [iso2, query, body]) {
      expect(schema).toMatchObject({ type: 'string', format: 'country' });
      expect(schema).not.toHaveProperty('pattern');
      expect(codes(schema)).toContain('FR');
      expect(codes(schema)).toContain('XK');
      expect(codes(schema)).not.toContain('AA');
    }
  });

  it('takes a CSV feed as a string that is not empty', () => {
    const feed = ops.find((o) => o.where === 'POST /api/v1/insurance-feeds')!;
    expect(feed.op.requestBody.content['text/csv'].schema).toEqual({ type: 'string', minLength: 1 });
  });

  it('documents Location on the creating POSTs and ETag on the answers that carry a version', () => {
    const withHeader = (name: string) =>
      ops
        .filter(({ op }) => Object.entries<any>(op.responses).some(([s, r]) => s.startsWith('2') && r.headers?.[name]))
        .map((o) => o.where)
        .sort();
    expect(withHeader('Location')).toEqual([
      'POST /api/v1/countries/{iso2}/agreements',
      'POST /api/v1/licences',
      'POST /api/v1/members',
      'POST /api/v1/members/{id}/promotion',
      'POST /api/v1/missions',
      'POST /api/v1/travel-notifications',
      'POST /api/v1/vehicles',
      'POST /api/v1/vehicles/{id}/insurance',
    ]);
    // Missions, members and vehicles have a version; pages, policies and verifications do not.
    expect(withHeader('ETag')).toEqual([
      'GET /api/v1/agreements/{id}',
      'GET /api/v1/countries/{iso2}/reciprocity',
      'GET /api/v1/licences/{id}',
      'GET /api/v1/members/{id}',
      'GET /api/v1/missions/{id}',
      'GET /api/v1/travel-notifications/{id}',
      'GET /api/v1/vehicles/{id}',
      'POST /api/v1/agreements/{id}/status',
      'POST /api/v1/countries/{iso2}/agreements',
      'POST /api/v1/licences',
      'POST /api/v1/licences/{id}/violations',
      'POST /api/v1/members',
      'POST /api/v1/members/{id}/accreditation',
      'POST /api/v1/members/{id}/changes',
      'POST /api/v1/members/{id}/id-card/loss',
      'POST /api/v1/members/{id}/id-card/renewal',
      'POST /api/v1/members/{id}/promotion',
      'POST /api/v1/members/{id}/returned-documents',
      'POST /api/v1/members/{id}/termination',
      'POST /api/v1/missions',
      'POST /api/v1/missions/{id}/recertification',
      'POST /api/v1/missions/{id}/status',
      'POST /api/v1/travel-notifications',
      'POST /api/v1/travel-notifications/{id}/decision',
      'POST /api/v1/vehicles',
      'POST /api/v1/vehicles/{id}/disposal',
      'POST /api/v1/vehicles/{id}/plate/loss',
      'POST /api/v1/vehicles/{id}/registration/renewal',
      'POST /api/v1/vehicles/{id}/titles',
      'PUT /api/v1/countries/{iso2}/reciprocity',
    ]);
    for (const { where, op } of ops) {
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect({ where, success: success.length }).toEqual({ where, success: 1 });
    }
  });

  it('gives path ids format uuid, and each list a limit of 1 to 500 and a cursor', () => {
    for (const { where, path, op } of ops) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect({ where, path: paramsOf(op, 'path').map((p) => p.name) }).toEqual({ where, path: names });
      for (const p of paramsOf(op, 'path')) {
        expect({ where, p: p.name, required: p.required, format: p.schema.format }).toEqual({
          where,
          p: p.name,
          required: true,
          // A country's resources are named by its ISO 3166-1 code; everything else by a UUID.
          format: p.name === 'iso2' ? 'country' : 'uuid',
        });
      }
    }
    const lists = ops.filter((o) =>
      o.op.responses['200']?.content['application/json'].schema.required?.includes('nextCursor'),
    );
    expect(lists.map((o) => o.where).sort()).toEqual([
      'GET /api/v1/flags',
      'GET /api/v1/insurance-reminders',
      'GET /api/v1/members',
      'GET /api/v1/missions',
      'GET /api/v1/travel-notifications',
      'GET /api/v1/vehicles',
      'GET /api/v1/vehicles/{id}/insurance',
    ]);
    for (const { where, op } of lists.filter((o) => !o.path.includes('insurance'))) {
      const limit = paramsOf(op, 'query').find((p) => p.name === 'limit');
      expect({ where, limit: limit?.schema }).toEqual({
        where,
        limit: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 500 }),
      });
      expect(paramsOf(op, 'query').find((p) => p.name === 'cursor')?.schema).toMatchObject({ type: 'string' });
    }
    // A verification is not a list; idCard or plate, never both, is one rule over both parameters,
    // so they are one object parameter exploded into the query string.
    const [verify] = paramsOf(doc.paths['/api/v1/verify'].get, 'query');
    expect(verify).toMatchObject({ name: 'query', style: 'form', explode: true, required: true });
    expect(Object.keys(verify!.schema.properties)).toEqual(['idCard', 'plate', 'licence']);
    expect(verify!.schema.oneOf).toEqual([
      { required: ['idCard'] },
      { required: ['plate'] },
      { required: ['licence'] },
    ]);
  });

  it('documents the either/or rules of a body as oneOf (the owner of a vehicle, the limits of a policy)', () => {
    const vehicle = bodySchemaOf('/api/v1/vehicles');
    expect(vehicle.oneOf).toEqual([{ required: ['ownerMemberId'] }, { required: ['ownerMissionId'] }]);
    expect(vehicle.required).not.toContain('ownerMemberId');

    const policy = bodySchemaOf('/api/v1/vehicles/{id}/insurance');
    expect(policy.oneOf).toHaveLength(2);
    const [csl, split] = policy.oneOf;
    expect(csl.required).toEqual(['combinedSingleLimit']);
    expect(split.required).toEqual(['bodilyInjuryPerPerson', 'bodilyInjuryPerAccident', 'propertyDamage']);
    // The path id and If-Match are not body fields.
    expect(Object.keys(policy.properties)).not.toEqual(expect.arrayContaining(['vehicleId']));
    expect(Object.keys(policy.properties)).not.toContain('expectedVersion');
    expect(policy.properties.proofType).toMatchObject({ enum: ['binder', 'certificate', 'declarations-page'] });
    expect(policy.properties.proofType.description).toContain('30 days');
  });

  it('takes Idempotency-Key on every POST and If-Match exactly where a change expects a version', () => {
    for (const { where, method, op } of ops) {
      const headers = paramsOf(op, 'header').map((p) => p.name);
      // A CSV feed is its own idempotency key (the same content is the same feed).
      const csv = op.requestBody?.content['text/csv'] !== undefined;
      expect({ where, idempotent: headers.includes('Idempotency-Key') }).toEqual({
        where,
        idempotent: method === 'post' && !csv,
      });
    }
    const withIfMatch = ops
      .filter((o) => paramsOf(o.op, 'header').some((p) => p.name === 'If-Match'))
      .map((o) => o.where);
    expect(withIfMatch.sort()).toEqual([
      'POST /api/v1/agreements/{id}/status',
      'POST /api/v1/members/{id}/accreditation',
      'POST /api/v1/members/{id}/changes',
      'POST /api/v1/members/{id}/id-card/loss',
      'POST /api/v1/members/{id}/id-card/renewal',
      'POST /api/v1/members/{id}/promotion',
      'POST /api/v1/members/{id}/termination',
      'POST /api/v1/missions/{id}/status',
      'POST /api/v1/travel-notifications/{id}/decision',
      'POST /api/v1/vehicles/{id}/disposal',
      'POST /api/v1/vehicles/{id}/insurance',
      'POST /api/v1/vehicles/{id}/insurance/{policyId}/cancellation',
      'POST /api/v1/vehicles/{id}/plate/loss',
      'POST /api/v1/vehicles/{id}/registration/renewal',
      'POST /api/v1/vehicles/{id}/titles',
      'PUT /api/v1/countries/{iso2}/reciprocity',
    ]);
    const ifMatch = paramsOf(doc.paths['/api/v1/members/{id}/termination'].post, 'header').find(
      (p) => p.name === 'If-Match',
    );
    expect(ifMatch.required).toBe(false);
    expect(accepts(ifMatch.schema, '"3"')).toBe(true);
    expect(accepts(ifMatch.schema, 'W/"3"')).toBe(false);
  });

  it('writes nullable answer fields the OpenAPI 3.1 way', () => {
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
    const mission = answerSchemaOf('/api/v1/missions/{id}');
    expect(mission.properties.consularClass.anyOf).toEqual([
      expect.objectContaining({ type: 'string' }),
      { type: 'null' },
    ]);
    expect(mission.required).toEqual(Object.keys(mission.properties));
    const member = answerSchemaOf('/api/v1/members/{id}');
    expect(member.properties.idCard.anyOf).toEqual([expect.objectContaining({ type: 'object' }), { type: 'null' }]);
    expect(Object.keys(member.properties.openItems.items.properties)).toEqual([
      'document',
      'reference',
      'dueOn',
      'status',
      'returnedOn',
    ]);
    expect(answerSchemaOf('/api/v1/vehicles/{id}/insurance', 'post', '201').required).toContain('vehicle');
  });

  it('has only schemas a JSON Schema 2020-12 validator compiles', () => {
    const schemas: [string, object][] = [['Problem', doc.components.schemas.Problem]];
    for (const { where, op } of ops) {
      for (const p of op.parameters ?? []) schemas.push([`${where} ${p.name}`, p.schema]);
      const jsonBody = op.requestBody?.content['application/json'];
      if (jsonBody) schemas.push([`${where} body`, jsonBody.schema]);
      for (const [status, r] of Object.entries<any>(op.responses)) {
        const json = r.content?.['application/json'];
        if (json) schemas.push([`${where} ${status}`, json.schema]);
      }
    }
    for (const [where, schema] of schemas) {
      expect({ where, compiles: (() => (ajv.compile(schema), true))() }).toEqual({ where, compiles: true });
    }
  });

  describe('request body examples', () => {
    // Whatever is asked, the fake services answer with a resource of every kind.
    const universalAnswer = {
      mission: { id: ID, version: 1 },
      member: { id: ID, version: 1 },
      vehicle: { id: ID, version: 1 },
      policy: { id: OTHER_ID, vehicleId: ID },
      profile: { country: 'FR', version: 1 },
      agreement: { id: ID, version: 1 },
      notification: { id: ID, version: 1 },
      licence: { id: ID, version: 1 },
    };
    const calls = (): DownstreamCall[] =>
      Object.values(gw.downstream).flatMap((client) => Object.values(client) as DownstreamCall[]);

    beforeEach(() => {
      for (const fn of calls()) fn.mockResolvedValue(universalAnswer);
    });
    afterEach(() => {
      for (const fn of calls()) fn.mockReset().mockRejectedValue(new Error('unexpected call'));
    });

    const withBodies = () => ops.filter((o) => o.op.requestBody?.content['application/json']);
    const urlOf = (path: string) => path.replace('{policyId}', OTHER_ID).replace('{id}', ID).replace('{iso2}', 'FR');
    // Changes that require If-Match (428 without) get the version the fake services answer.
    const headersOf = (op: any) =>
      paramsOf(op, 'header').some((p) => p.name === 'If-Match') ? { 'if-match': '"1"' } : undefined;
    // A route whose body is one field of its request (the profile a PUT replaces) sends it as that field.
    const sentOf = (where: string, example: object) =>
      where.startsWith('PUT ')
        ? expect.objectContaining({ profile: expect.objectContaining(example) })
        : expect.objectContaining(example);

    it('exist for every operation that takes a body', () => {
      expect(
        withBodies()
          .map((o) => o.where)
          .sort(),
      ).toEqual([
        'POST /api/v1/agreements/{id}/status',
        'POST /api/v1/countries/{iso2}/agreements',
        'POST /api/v1/licences',
        'POST /api/v1/licences/{id}/violations',
        'POST /api/v1/members',
        'POST /api/v1/members/{id}/accreditation',
        'POST /api/v1/members/{id}/changes',
        'POST /api/v1/members/{id}/id-card/loss',
        'POST /api/v1/members/{id}/id-card/renewal',
        'POST /api/v1/members/{id}/promotion',
        'POST /api/v1/members/{id}/returned-documents',
        'POST /api/v1/members/{id}/termination',
        'POST /api/v1/missions',
        'POST /api/v1/missions/{id}/recertification',
        'POST /api/v1/missions/{id}/status',
        'POST /api/v1/travel-notifications',
        'POST /api/v1/travel-notifications/{id}/decision',
        'POST /api/v1/vehicles',
        'POST /api/v1/vehicles/{id}/disposal',
        'POST /api/v1/vehicles/{id}/insurance',
        'POST /api/v1/vehicles/{id}/insurance/{policyId}/cancellation',
        'POST /api/v1/vehicles/{id}/plate/loss',
        'POST /api/v1/vehicles/{id}/titles',
        'PUT /api/v1/countries/{iso2}/reciprocity',
      ]);
    });

    it("pass the document's own schema and the gateway's validation, and reach the service as given", async () => {
      const admin = await gw.token({ sub: 'admin-1', roles: ['ofm-admin'] });
      for (const { where, method, path, op } of withBodies()) {
        const { schema, example } = op.requestBody.content['application/json'];
        expect({ where, documentAccepts: accepts(schema, example) }).toEqual({ where, documentAccepts: true });
        const res = await gw.request(method.toUpperCase() as 'POST' | 'PUT', urlOf(path), {
          token: admin,
          body: example,
          headers: headersOf(op),
        });
        const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
        expect({ where, status: res.status, errors: res.body.errors }).toEqual({
          where,
          status: Number(success),
          errors: undefined,
        });
        // The headers the document promises are the ones sent.
        const documented = Object.keys(op.responses[success!].headers ?? {}).map((h) => h.toLowerCase());
        for (const header of ['location', 'etag']) {
          expect({ where, header, sent: header in res.headers }).toEqual({
            where,
            header,
            sent: documented.includes(header),
          });
        }
        const called = calls().filter((fn) => fn.mock.calls.length > 0);
        expect({ where, called: called.length }).toEqual({ where, called: 1 });
        expect(called[0]!.mock.calls[0]![0]).toEqual(sentOf(where, example));
        jest.clearAllMocks();
      }
    });

    it('with a field the document does not allow, are refused by both the document and the gateway', async () => {
      const admin = await gw.token({ sub: 'admin-1', roles: ['ofm-admin'] });
      for (const { where, method, path, op } of withBodies()) {
        const { schema, example } = op.requestBody.content['application/json'];
        const body = { ...example, notAField: true };
        expect({ where, documentAccepts: accepts(schema, body) }).toEqual({ where, documentAccepts: false });
        const res = await gw.request(method.toUpperCase() as 'POST' | 'PUT', urlOf(path), {
          token: admin,
          body,
          headers: headersOf(op),
        });
        expect({ where, status: res.status, errors: res.body.errors }).toEqual({
          where,
          status: 400,
          errors: [{ field: 'notAField', message: 'property notAField should not exist' }],
        });
      }
      expect(calls().every((fn) => fn.mock.calls.length === 0)).toBe(true);
    });
  });

  it('documents answers as the gateway gives them (every field, null where unset)', async () => {
    const reader = await gw.token({ sub: 'aud', roles: ['auditor'] });
    const mission = {
      id: ID,
      name: 'Embassy of France',
      country: 'FR',
      type: 'embassy',
      address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
      location: { lat: 38.9137, lon: -77.0779 },
      status: 'active',
      regionalOffice: 'Washington',
      version: 2,
      createdAt: '2026-11-28T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
    };
    gw.downstream.missions.getMission.mockResolvedValueOnce({ mission });
    const one = await gw.request('GET', `/api/v1/missions/${ID}`, { token: reader });
    expect(one.status).toBe(200);
    expect(accepts(answerSchemaOf('/api/v1/missions/{id}'), one.body)).toBe(true);

    gw.downstream.missions.listMissions.mockResolvedValueOnce({ missions: [mission], nextCursor: '' });
    const page = await gw.request('GET', '/api/v1/missions', { token: reader });
    expect(page.body.nextCursor).toBeNull();
    expect(accepts(answerSchemaOf('/api/v1/missions'), page.body)).toBe(true);
    // The answer schema is strict: a missing field would be caught.
    const { consularClass: _c, ...withoutOne } = one.body;
    expect(accepts(answerSchemaOf('/api/v1/missions/{id}'), withoutOne)).toBe(false);
  });

  it('serves Swagger UI at /docs with its assets', async () => {
    const page = await gw.request('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('/api/v1/openapi.json');
    const bundle = await gw.request('GET', '/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect((await gw.request('GET', '/docs/swagger-ui.css')).status).toBe(200);
    expect((await gw.request('GET', '/docs/..%2Fpackage.json')).status).toBe(404);
  });
});
