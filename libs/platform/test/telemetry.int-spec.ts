import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

// Instrumentations patch modules through require hooks, which jest's module registry bypasses, so
// the service side runs in a real Node process loading the built @ofm/platform/telemetry.
const probe = (withOtherSigtermListener: boolean): string => `
const { startTelemetry } = require('@ofm/platform/telemetry');
const telemetry = startTelemetry('probe');
const http = require('node:http');
const { trace, context, propagation } = require('@opentelemetry/api');
${
  withOtherSigtermListener
    ? `process.on('SIGTERM', function close() {
         process.removeListener('SIGTERM', close);
         setTimeout(() => { process.stdout.write('closed\\n'); process.kill(process.pid, 'SIGTERM'); }, 200);
       });`
    : ''
}
const server = http.createServer((req, res) => {
  const carrier = {};
  propagation.inject(context.active(), carrier);
  const span = trace.getActiveSpan();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ traceId: span ? span.spanContext().traceId : null, carrier, exporting: telemetry.exporting }));
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port=' + server.address().port + '\\n'));
`;

const start = async (
  withOtherSigtermListener = false,
): Promise<{ child: ChildProcessWithoutNullStreams; port: number; output: () => string }> => {
  const env = { ...process.env };
  delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const child = spawn(process.execPath, ['-e', probe(withOtherSigtermListener)], {
    cwd: resolve(__dirname, '..'),
    env,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const port = await new Promise<number>((resolvePort, reject) => {
    const onData = (): void => {
      const match = /port=(\d+)/.exec(output);
      if (match) resolvePort(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.once('exit', () => reject(new Error(`probe exited early: ${output}`)));
  });
  return { child, port, output: () => output };
};

describe('startTelemetry without an OTLP endpoint', () => {
  let running: Awaited<ReturnType<typeof start>> | undefined;

  afterEach(() => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    running = undefined;
  });

  it('continues the caller trace and propagates it as W3C traceparent', async () => {
    running = await start();
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await fetch(`http://127.0.0.1:${running.port}/api/v1/missions`, {
      headers: { traceparent: incoming },
    });
    const body = (await response.json()) as { traceId: string; carrier: { traceparent?: string }; exporting: boolean };
    expect(body.exporting).toBe(false);
    expect(body.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(body.carrier.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
  });

  it('starts a new sampled trace for a request that carries none', async () => {
    running = await start();
    const body = (await (await fetch(`http://127.0.0.1:${running.port}/x`)).json()) as {
      traceId: string;
      carrier: { traceparent?: string };
    };
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.traceId).not.toBe('00000000000000000000000000000000');
    expect(body.carrier.traceparent).toContain(body.traceId);
  });

  it('exits on SIGTERM after flushing when it is the only listener', async () => {
    running = await start();
    running.child.kill('SIGTERM');
    const [code, signal] = (await once(running.child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('lets another SIGTERM listener (Nest shutdown hooks) finish before the process exits', async () => {
    running = await start(true);
    running.child.kill('SIGTERM');
    const [, signal] = (await once(running.child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe('SIGTERM');
    expect(running.output()).toContain('closed');
  });
});
