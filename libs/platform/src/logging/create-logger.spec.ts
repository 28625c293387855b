import { context, trace } from '@opentelemetry/api';
import { node } from '@opentelemetry/sdk-node';
import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { PinoNestLogger } from './pino-nest.logger';

const capture = (): { lines: Record<string, unknown>[]; stream: Writable } => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, stream };
};

describe('createLogger', () => {
  // Registers the AsyncLocalStorage context manager, so that context.with() makes a span active.
  beforeAll(() => new node.NodeTracerProvider().register());
  afterAll(() => {
    context.disable();
    trace.disable();
  });

  it('writes JSON lines with the service, the level name and no trace outside a span', () => {
    const { lines, stream } = capture();
    createLogger('vehicles', { destination: stream, level: 'info' }).info({ plate: 'D 123 AB' }, 'registered');
    expect(lines).toEqual([
      expect.objectContaining({ service: 'vehicles', level: 'info', msg: 'registered', plate: 'D 123 AB' }),
    ]);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('stamps each line with the active trace and span ids', () => {
    const { lines, stream } = capture();
    const logger = createLogger('accreditation', { destination: stream });
    const span = trace.wrapSpanContext({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    });
    context.with(trace.setSpan(context.active(), span), () => logger.warn('inside'));
    expect(lines[0]).toMatchObject({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      msg: 'inside',
    });
  });

  it('honours the level', () => {
    const { lines, stream } = capture();
    const logger = createLogger('x', { destination: stream, level: 'warn' });
    logger.info('dropped');
    logger.error('kept');
    expect(lines.map((line) => line.msg)).toEqual(['kept']);
  });

  it('masks credentials that end up in a log object', () => {
    const { lines, stream } = capture();
    createLogger('x', { destination: stream }).info(
      { password: 'p', req: { headers: { authorization: 'Bearer t' } } },
      'login',
    );
    expect(lines[0]).toMatchObject({ password: '***', req: { headers: { authorization: '***' } } });
  });
});

describe('PinoNestLogger', () => {
  it("maps Nest's calls (message, context) and error(message, stack, context)", () => {
    const { lines, stream } = capture();
    const logger = new PinoNestLogger(createLogger('gateway', { destination: stream, level: 'trace' }));
    logger.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    logger.error('boom', 'Error: boom\n    at x (y.js:1:1)', 'ExceptionsHandler');
    logger.verbose('details');
    logger.error(new Error('kaput'));
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', context: 'RouterExplorer', msg: 'Mapped {/health/live, GET} route' }),
      expect.objectContaining({
        level: 'error',
        context: 'ExceptionsHandler',
        msg: 'boom',
        stack: expect.stringContaining('at x'),
      }),
      expect.objectContaining({ level: 'trace', msg: 'details' }),
      expect.objectContaining({ level: 'error', msg: 'kaput', err: expect.objectContaining({ message: 'kaput' }) }),
    ]);
  });

  it('maps Nest log levels to the pino level', () => {
    const logger = new PinoNestLogger(createLogger('x', { level: 'info' }));
    logger.setLogLevels(['error', 'warn']);
    expect(logger.pino.level).toBe('warn');
  });
});
