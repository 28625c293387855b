import { startTestGateway, type TestGateway } from '../gateway.spec-helper';

describe('OpenAPI document and docs', () => {
  let gw: TestGateway;
  let doc: any;

  beforeAll(async () => {
    gw = await startTestGateway();
    const res = await gw.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => gw.close());

  const operations = (): [string, string, any][] =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [method, path, op] as [string, string, any]),
    );

  it('is OpenAPI 3.1 with a bearer JWT security scheme, served without a token', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('describes exactly the API routes (not health, metrics or docs)', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/members',
      '/api/v1/members/{id}',
      '/api/v1/members/{id}/accreditation',
      '/api/v1/members/{id}/termination',
      '/api/v1/missions',
      '/api/v1/missions/{id}',
      '/api/v1/vehicles',
      '/api/v1/vehicles/{id}',
      '/api/v1/vehicles/{id}/insurance',
      '/api/v1/vehicles/{id}/insurance/{policyId}',
      '/api/v1/verify',
    ]);
  });

  it('gives every operation its roles, bearer security and problem+json error answers', () => {
    for (const [method, path, op] of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, roles: /\*\*Roles:\*\* [a-z-]+/.test(op.description) }).toEqual({ where, roles: true });
      expect(op.security).toEqual([{ bearer: [] }]);
      for (const code of ['400', '401', '403']) {
        expect({ where, code, problem: Boolean(op.responses[code]?.content?.['application/problem+json']) }).toEqual({
          where,
          code,
          problem: true,
        });
      }
    }
  });

  it('writes nullable fields the OpenAPI 3.1 way', () => {
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
    expect(doc.components.schemas.MemberView.properties.idCard.anyOf).toEqual([
      { $ref: '#/components/schemas/IdCardView' },
      { type: 'null' },
    ]);
    expect(doc.components.schemas.MissionView.properties.consularDistrict.type).toEqual(['string', 'null']);
  });

  it('documents 201 with Location and Idempotency-Key on the creating POSTs', () => {
    const post = doc.paths['/api/v1/members'].post;
    expect(post.responses['201'].headers).toHaveProperty('Location');
    expect(post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(doc.paths['/api/v1/members/{id}/accreditation'].post.responses['422']).toBeDefined();
  });

  it('has the request and answer schemas with the fixed field names', () => {
    const { schemas } = doc.components;
    expect(Object.keys(schemas.RegisterMissionDto.properties)).toEqual(
      expect.arrayContaining(['name', 'country', 'type', 'address', 'location']),
    );
    expect(Object.keys(schemas.MemberView.properties)).toEqual(
      expect.arrayContaining(['id', 'pid', 'status', 'immunityLevel', 'idCard', 'version']),
    );
    expect(Object.keys(schemas.VerificationView.properties)).toEqual(
      expect.arrayContaining(['status', 'name', 'mission', 'country', 'category', 'immunityLevel', 'guidance']),
    );
    expect(Object.keys(schemas.ProblemView.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']),
    );
  });

  it('documents the refusal reasons and open items of a member, and the proof of insurance with its values', () => {
    const { schemas } = doc.components;
    expect(Object.keys(schemas.MemberView.properties)).toEqual(expect.arrayContaining(['failedCriteria', 'openItems']));
    expect(Object.keys(schemas.OpenItemView.properties)).toEqual(['document', 'reference', 'dueOn', 'status']);
    expect(schemas.InsurancePolicyDto.required ?? []).not.toContain('proofType');
    expect(schemas.InsurancePolicyDto.properties.proofType).toMatchObject({
      enum: ['binder', 'certificate', 'declarations-page'],
    });
    expect(schemas.InsurancePolicyDto.properties.proofType.description).toContain('30 days');
    expect(schemas.InsurancePolicyView.properties.proofType).toBeDefined();
    const insurance = doc.paths['/api/v1/vehicles/{id}/insurance'].post;
    expect(insurance.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'If-Match', in: 'header' })]),
    );
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
