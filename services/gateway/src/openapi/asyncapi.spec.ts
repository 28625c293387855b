import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument, EVENT_TYPES, TOPICS } from '@ofm/contracts';
import { parse } from 'yaml';
import { startTestGateway, type TestGateway } from '../gateway.spec-helper';
import { ASYNCAPI_JSON_PATH, ASYNCAPI_YAML_PATH } from './asyncapi.controller';

describe('AsyncAPI document', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it('serves the JSON form without a token', async () => {
    const res = await gw.request('GET', ASYNCAPI_JSON_PATH);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    expect(res.body.asyncapi).toBe('3.0.0');
    expect(res.body).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
    const addresses = Object.values(res.body.channels as Record<string, { address: string }>).map((c) => c.address);
    expect(addresses).toEqual(expect.arrayContaining(Object.values(TOPICS)));
    expect(Object.values(res.body.components.messages as Record<string, { name: string }>).map((m) => m.name)).toEqual(
      expect.arrayContaining(Object.values(EVENT_TYPES).map((s) => s.type)),
    );
  });

  it('serves the same document as YAML without a token', async () => {
    const [json, yaml] = await Promise.all([
      gw.request('GET', ASYNCAPI_JSON_PATH),
      gw.request('GET', ASYNCAPI_YAML_PATH),
    ]);
    expect(yaml.status).toBe(200);
    expect(String(yaml.headers['content-type'])).toMatch(/^application\/yaml/);
    expect(typeof yaml.body).toBe('string');
    expect(yaml.body).toMatch(/^asyncapi: 3\.0\.0$/m);
    expect(parse(yaml.body as string)).toEqual(json.body);
  });

  it('serves YAML that @asyncapi/parser reads with no error', async () => {
    const yaml = await gw.request('GET', ASYNCAPI_YAML_PATH);
    const { document, diagnostics } = await new Parser().parse(yaml.body as string);
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.message)).toEqual([]);
    expect(document?.channels().length).toBe(Object.values(TOPICS).length + 1);
  });

  it('ignores a token it is given (public, like openapi.json)', async () => {
    const res = await gw.request('GET', ASYNCAPI_JSON_PATH, { token: 'not-a-jwt' });
    expect(res.status).toBe(200);
  });
});
