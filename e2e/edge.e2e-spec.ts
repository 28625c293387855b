import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Client } from 'pg';
import { type RunningPlatform, startPlatform, embassyOfFrance } from '@ofm/testing';

// The HTTP edge of the gateway as a hostile or slow client meets it: every refusal is a problem
// document with the status that names it, none is a 500, and nothing refused has an effect.
// The platform runs with short timeouts so that the slow-client cases take a second, not 30.
const HEADERS_TIMEOUT_MS = 800;
const REQUEST_TIMEOUT_MS = 1200;

describe('the edge of the gateway', () => {
  let platform: RunningPlatform;
  let accreditationDb: Client;
  let officer: string;
  let port: number;

  beforeAll(async () => {
    platform = await startPlatform('edge', {
      env: { HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
    });
    port = Number(new URL(platform.baseUrl).port);
    accreditationDb = new Client({ connectionString: platform.databases.accreditation!.url });
    await accreditationDb.connect();
    officer = await platform.issuer.token({ sub: 'officer-edge', roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await accreditationDb?.end();
    await platform?.stop();
  });

  const send = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${officer}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });

  // Raw bytes to the gateway, read until it closes the connection.
  const exchange = (data: string): Promise<{ status: number; head: string; body: any; ms: number }> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => socket.write(data));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        resolve({
          status: Number(head.split(' ')[1]),
          head,
          body: body ? JSON.parse(body) : undefined,
          ms: Date.now() - started,
        });
      });
    });

  const expectProblem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { status: number; type: string; detail?: string };
    expect(problem).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/ofm\.state\.gov\/problems\//) });
    return problem;
  };

  const missionsNamed = async (name: string): Promise<number> =>
    (await accreditationDb.query<{ n: number }>('SELECT count(*)::int AS n FROM mission WHERE name = $1', [name]))
      .rows[0]!.n;

  it('answers a body that stops arriving 408 problem+json within the request timeout', async () => {
    const token = `Bearer ${officer}`;
    const answer = await exchange(
      `POST /api/v1/members HTTP/1.1\r\nHost: gateway\r\nAuthorization: ${token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"given',
    );
    expect(answer.status).toBe(408);
    expect(answer.head).toContain('Content-Type: application/problem+json');
    expect(answer.body).toMatchObject({
      status: 408,
      title: 'Request timeout',
      type: 'https://ofm.state.gov/problems/request-timeout',
    });
    expect(answer.ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
  });

  it('answers headers that never finish 408 problem+json', async () => {
    const answer = await exchange('GET /api/v1/missions HTTP/1.1\r\nHost: gateway\r\nX-Slow: 1\r\n');
    expect(answer.status).toBe(408);
    expect(answer.body.detail).toBe(
      `The request did not arrive in time: headers are expected within ${HEADERS_TIMEOUT_MS / 1000} s, the whole request within ${REQUEST_TIMEOUT_MS / 1000} s`,
    );
  });

  it('answers headers over 16 KiB 431 as problem+json, not {"error": …}', async () => {
    const problem = await expectProblem(
      await send('GET', '/api/v1/missions', undefined, { 'x-padding': 'a'.repeat(20_000) }),
      431,
    );
    expect(problem).toMatchObject({
      type: 'https://ofm.state.gov/problems/request-header-fields-too-large',
      detail: 'The request line and headers are larger than 16384 bytes',
    });
  });

  it('answers a JSON body sent as text/plain or as a form 415, and registers nothing', async () => {
    const name = `Embassy of France (edge ${randomUUID().slice(0, 8)})`;
    const json = JSON.stringify({ ...embassyOfFrance, name });
    const plain = await expectProblem(
      await send('POST', '/api/v1/missions', json, { 'content-type': 'text/plain' }),
      415,
    );
    expect(plain.detail).toBe('This route takes a body of type application/json, not text/plain');
    const form = await send('POST', '/api/v1/missions', `name=${encodeURIComponent(name)}&country=FR`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect((await expectProblem(form, 415)).detail).toMatch(/not application\/x-www-form-urlencoded$/);
    expect(await missionsNamed(name)).toBe(0);

    // The same body as JSON is taken: the refusals were about the media type only.
    const created = await send('POST', '/api/v1/missions', json, { 'content-type': 'application/json' });
    expect(created.status).toBe(201);
    expect(await missionsNamed(name)).toBe(1);
  });

  it('answers a body over 64 KiB 413 naming the limit', async () => {
    const name = `Embassy ${'x'.repeat(70_000)}`;
    const body = JSON.stringify({ ...embassyOfFrance, name });
    const problem = await expectProblem(
      await send('POST', '/api/v1/missions', body, { 'content-type': 'application/json' }),
      413,
    );
    expect(problem.detail).toBe('The request body is larger than the 65536 bytes this route takes');
  });

  it('answers JSON nested 2,000 levels deep 400 naming the depth, with or without an Idempotency-Key', async () => {
    const deep = `{"name":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    for (const headers of [{}, { 'idempotency-key': randomUUID() }] as Record<string, string>[]) {
      const response = await send('POST', '/api/v1/missions', deep, { 'content-type': 'application/json', ...headers });
      expect((await expectProblem(response, 400)).detail).toBe('The JSON body is nested deeper than 32 levels');
    }
  });

  it('answers a __proto__ or constructor.prototype key 400 saying the key is not allowed', async () => {
    const proto = await send('POST', '/api/v1/missions', '{"__proto__":{"isAdmin":true}}', {
      'content-type': 'application/json',
    });
    expect(await expectProblem(proto, 400)).toMatchObject({
      detail: 'The key __proto__ is not allowed in a JSON body',
      errors: [{ field: '$.__proto__' }],
    });
    const ctor = await send('POST', '/api/v1/missions', '{"address":{"constructor":{"prototype":{}}}}', {
      'content-type': 'application/json',
    });
    expect((await expectProblem(ctor, 400)).detail).toBe('The key constructor.prototype is not allowed in a JSON body');
  });

  it('answers a method a path does not have 405 with Allow, as problem+json', async () => {
    const response = await send('DELETE', '/api/v1/missions');
    const problem = await expectProblem(response, 405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(problem.detail).toBe('DELETE is not allowed on /api/v1/missions; allowed: GET, HEAD, POST');
  });

  it('still answers requests without a body on routes that take none', async () => {
    const list = await send('GET', '/api/v1/missions?limit=5');
    expect(list.status).toBe(200);
    expect(Array.isArray(((await list.json()) as { items?: unknown }).items)).toBe(true);
    const unknown = await send('GET', '/api/v1/no-such-thing');
    await expectProblem(unknown, 404);
  });
});
