import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { once } from 'node:events';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { configurePlatformApp, createEdgeApp } from '../bootstrap/bootstrap-service';
import { loadEdgeSettings } from './edge.config';

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(201)
  create(@Body() body: unknown) {
    return { received: body ?? null };
  }

  @Get()
  list() {
    return { items: [] };
  }

  @Get('slow')
  async slow() {
    await new Promise((done) => setTimeout(done, 2_000));
    return { late: true };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

// Sends raw bytes and reads whatever comes back until the server closes the connection.
const exchange = (port: number, data: string): Promise<{ text: string; ms: number }> =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', reject);
  });

// Reads one whole HTTP/1.1 response (its Content-Length) from a socket kept open.
const nextResponse = (socket: Socket): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (end < 0 || length === undefined || Buffer.byteLength(text) < end + 4 + Number(length)) return;
      socket.off('data', onData);
      resolve(text);
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`closed after ${JSON.stringify(text)}`)));
  });

const problemOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));

// The edge as bootstrapService wires it, on a real HTTP port: Node's timeouts and parser errors
// answer problem documents, and the body parsers keep to their limits.
describe('an app with the edge', () => {
  let app: NestFastifyApplication;
  let base: string;
  let port: number;

  beforeAll(async () => {
    const edge = loadEdgeSettings({
      HTTP_HEADERS_TIMEOUT_MS: '400',
      HTTP_REQUEST_TIMEOUT_MS: '600',
      HTTP_HANDLER_TIMEOUT_MS: '1000',
      HTTP_MAX_HEADER_BYTES: '2048',
      HTTP_BODY_LIMIT_BYTES: '2048',
      HTTP_MAX_CONNECTIONS: '20',
    });
    app = await createEdgeApp(ThingsModule, edge);
    configurePlatformApp(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => app?.close());

  const post = (body: string, contentType?: string) =>
    fetch(`${base}/things`, { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

  it('takes a JSON body, and a POST or GET without one', async () => {
    const created = await post('{"name":"Marie"}', 'application/json; charset=utf-8');
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ received: { name: 'Marie' } });
    const empty = await fetch(`${base}/things`, { method: 'POST' });
    expect([empty.status, await empty.json()]).toEqual([201, { received: null }]);
    expect((await fetch(`${base}/things`)).status).toBe(200);
  });

  it('answers 408 problem+json to a body that stops arriving, within the request timeout', async () => {
    const { text, ms } = await exchange(
      port,
      'POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":"b"',
    );
    expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(text).toContain('Content-Type: application/problem+json');
    expect(problemOf(text)).toMatchObject({ status: 408, type: 'https://ofm.state.gov/problems/request-timeout' });
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(ms).toBeLessThan(2_000);
  });

  it('answers 408 to headers that never finish', async () => {
    const { text } = await exchange(port, 'GET /things HTTP/1.1\r\nHost: x\r\n');
    expect(problemOf(text)).toMatchObject({ status: 408, title: 'Request timeout' });
  });

  it('answers 431 problem+json to headers over the limit', async () => {
    const response = await fetch(`${base}/things`, { headers: { 'x-padding': 'a'.repeat(4096) } });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 431,
      detail: 'The request line and headers are larger than 2048 bytes',
    });
  });

  it('answers 415 to text/plain and form bodies, and to a body without a Content-Type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await post('{"name":"Marie"}', type);
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { detail?: string }).detail).toBe(
        `This route takes a body of type application/json, not ${type}`,
      );
    }
    const { text } = await exchange(
      port,
      'POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(text).toMatch(/^HTTP\/1\.1 415/);
  });

  it('answers 413 to a body over the limit', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(3000) }), 'application/json');
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail?: string }).detail).toBe(
      'The request body is larger than the 2048 bytes this route takes',
    );
  });

  // Fastify would close the connection with the body unread, which resets it under a client still
  // sending: its next write fails (EPIPE) and it may never read the 413.
  it('answers 413 on the Content-Length to a client still sending, reads the rest and keeps the connection', async () => {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n',
    );
    const refused = await nextResponse(socket);
    expect(refused).toMatch(/^HTTP\/1\.1 413 /);
    expect(refused).not.toMatch(/connection: close/i);
    for (let sent = 0; sent < 1_048_576; sent += 65_536) socket.write(Buffer.alloc(65_536, 'a'));
    socket.write('GET /things HTTP/1.1\r\nHost: x\r\n\r\n');
    const next = await nextResponse(socket);
    expect(next).toMatch(/^HTTP\/1\.1 200 /);
    socket.end();
  });

  it('closes a connection answered 413 whose body stops arriving, at the request timeout, without a second answer', async () => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    await once(socket, 'connect');
    const started = Date.now();
    socket.write(
      'POST /things HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\nab',
    );
    await once(socket, 'close');
    expect(text.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 413']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
  });

  it('answers 400 to JSON nested too deep and to a __proto__ key', async () => {
    const deep = await post(`${'['.repeat(500)}${']'.repeat(500)}`, 'application/json');
    expect([deep.status, await deep.json()]).toMatchObject([
      400,
      { detail: 'The JSON body is nested deeper than 32 levels' },
    ]);
    const proto = await post('{"__proto__":{"admin":true}}', 'application/json');
    expect(proto.status).toBe(400);
    expect(((await proto.json()) as { detail?: string }).detail).toBe(
      'The key __proto__ is not allowed in a JSON body',
    );
  });

  it('answers a request not answered within the handler timeout 504 problem+json', async () => {
    const response = await fetch(`${base}/things/slow`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ status: 504, detail: 'The request was not answered within 1 s' });
  });

  it('answers 404 as problem+json whatever the body', async () => {
    const response = await fetch(`${base}/nothing`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers a request on a connection beyond the limit 503 with Retry-After, and closes that connection', async () => {
    const held = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const socket = connect(port, '127.0.0.1');
        await once(socket, 'connect');
        return socket;
      }),
    );
    try {
      const { text } = await exchange(port, 'GET /things HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(text).toMatch(/^HTTP\/1\.1 503 /);
      expect(text).toMatch(/\r\nretry-after: 1\r\n/i);
      expect(text).toMatch(/\r\nconnection: close\r\n/i);
      expect(problemOf(text)).toMatchObject({ status: 503 });
    } finally {
      held.forEach((socket) => socket.destroy());
    }
  });
});
