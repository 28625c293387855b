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

  it('masks personal fields at any depth our code logs, in camelCase and snake_case', () => {
    const { lines, stream } = capture();
    createLogger('x', { destination: stream }).warn(
      {
        givenName: 'Claire',
        request: { familyName: 'Moreau', dateOfBirth: '1984-03-12' },
        rows: [{ member: { given_name: 'Claire', date_of_birth: '1984-03-12', passport_number: 'X123' } }],
        verification: { name: 'Claire Moreau', idCard: 'D000000042', status: 'valid' },
        memberId: '6f1c',
      },
      'checked',
    );
    expect(JSON.stringify(lines[0])).not.toMatch(/Claire|Moreau|1984-03-12|X123|D000000042/);
    expect(lines[0]).toMatchObject({
      givenName: '***',
      request: { familyName: '***', dateOfBirth: '***' },
      rows: [{ member: { given_name: '***', date_of_birth: '***', passport_number: '***' } }],
      verification: { name: '***', idCard: '***', status: 'valid' },
      memberId: '6f1c',
    });
  });

  it('removes a refused value from a message, also when pino takes it from the error', () => {
    const { lines, stream } = capture();
    const logger = createLogger('x', { destination: stream });
    const error = new Error('invalid input syntax for type date: "1984-03-12"');
    logger.error(error);
    logger.warn(`periodic job x failed: ${error.message}`);
    expect(lines.map((line) => line.msg)).toEqual([
      'invalid input syntax for type date: "***"',
      'periodic job x failed: invalid input syntax for type date: "***"',
    ]);
    expect(JSON.stringify(lines)).not.toContain('1984-03-12');
  });

  it("serializes an error without the failed query's parameters", () => {
    const { lines, stream } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint "member_pid_key"'), {
      code: '23505',
      query: 'INSERT INTO member VALUES ($1, $2)',
      parameters: ['Claire', '1984-03-12'],
      detail: 'Key (pid)=(1000000042) already exists.',
    });
    const logger = createLogger('x', { destination: stream });
    logger.error({ err: error }, 'insert failed');
    logger.error({ error }, 'insert failed');
    for (const line of lines) {
      expect(JSON.stringify(line)).not.toMatch(/Claire|1984-03-12|1000000042/);
    }
    expect(lines[0]).toMatchObject({
      err: { code: '23505', query: 'INSERT INTO member VALUES ($1, $2)', detail: 'Key (pid)=(***) already exists.' },
    });
    expect(lines[1]).toMatchObject({ error: { code: '23505' } });
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

  it('keeps the fields of an object logged as an error, so that its error is serialized', () => {
    const { lines, stream } = capture();
    const logger = new PinoNestLogger(createLogger('vehicles', { destination: stream }));
    const err = Object.assign(new Error('boom'), { parameters: ['Claire'] });
    logger.error({ msg: 'sweep failed for a vehicle', vehicleId: 'v-1', err }, 'InsuranceLapseSweep');
    logger.error('wrapped', err, 'Somewhere');
    expect(lines[0]).toMatchObject({
      msg: 'sweep failed for a vehicle',
      vehicleId: 'v-1',
      context: 'InsuranceLapseSweep',
      err: { type: 'Error', message: 'boom' },
    });
    expect(lines[1]).toMatchObject({ context: 'Somewhere', params: [{ type: 'Error', message: 'boom' }] });
    expect(JSON.stringify(lines)).not.toContain('Claire');
  });

  it("removes a refused value from Nest's message and stack of an error", () => {
    const { lines, stream } = capture();
    const logger = new PinoNestLogger(createLogger('x', { destination: stream }));
    logger.error(
      'invalid input syntax for type date: "1984-03-12"',
      'QueryFailedError: invalid input syntax for type date: "1984-03-12"\n    at x (y.js:1:1)',
      'ExceptionsHandler',
    );
    expect(lines[0]).toMatchObject({
      msg: 'invalid input syntax for type date: "***"',
      stack: expect.stringMatching(/^QueryFailedError: invalid input syntax for type date: "\*\*\*"\n/),
    });
  });

  it('maps Nest log levels to the pino level', () => {
    const logger = new PinoNestLogger(createLogger('x', { level: 'info' }));
    logger.setLogLevels(['error', 'warn']);
    expect(logger.pino.level).toBe('warn');
  });
});
