import { status as GrpcStatus } from '@grpc/grpc-js';
import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { notFound, ruleViolated } from './domain.error';
import { problemFromException, rpcErrorFromException } from './exception-mapping';
import { domainErrorToRpc, problemToRpc } from './grpc-problem.mapper';
import { ProblemDetailsError, problemFromStatus } from './problem-details';

describe('problemFromException (HTTP)', () => {
  it('renders a DomainError as its problem', () => {
    expect(problemFromException(notFound('Mission', 'm-9'))).toEqual({
      problem: {
        type: 'https://ofm.state.gov/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'Mission m-9 was not found',
      },
      unexpected: false,
    });
  });

  it('keeps the message of other HttpExceptions', () => {
    expect(problemFromException(new NotFoundException('Cannot GET /nope')).problem).toMatchObject({
      status: 404,
      detail: 'Cannot GET /nope',
    });
    expect(problemFromException(new ForbiddenException()).problem).toMatchObject({
      status: 403,
      type: 'https://ofm.state.gov/problems/forbidden',
    });
    expect(problemFromException(new HttpException('slow down', 429)).problem).toMatchObject({
      status: 429,
      detail: 'slow down',
    });
  });

  it('hides the text of a 5xx HttpException', () => {
    expect(problemFromException(new HttpException('db password is x', 500)).problem.detail).toBe(
      'An unexpected error occurred',
    );
  });

  it('answers a failed gRPC call with the problem the service sent', () => {
    const { code, details } = domainErrorToRpc(ruleViolated('term-limit', 'Term exceeded'));
    expect(problemFromException({ code, details, metadata: {} }).problem).toMatchObject({
      status: 422,
      rule: 'term-limit',
    });
    expect(problemFromException({ code: GrpcStatus.UNAVAILABLE, details: 'No connection established' })).toMatchObject({
      problem: { status: 503 },
      unexpected: true,
    });
  });

  it("passes a service's deliberate 503 refusal (at capacity) on without flagging it for the error log", () => {
    const refusal = problemToRpc(
      problemFromStatus(503, 'accreditation is at capacity; nothing was done, retry shortly'),
    );
    expect(problemFromException(refusal)).toMatchObject({ problem: { status: 503 }, unexpected: false });
    expect(rpcErrorFromException(refusal).unexpected).toBe(false);
    // A 500 the service sent is still flagged: the gateway logs it beside the service's own line.
    expect(problemFromException(problemToRpc(problemFromStatus(500, 'x'))).unexpected).toBe(true);
  });

  it('renders Fastify client errors with their status', () => {
    const error = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(problemFromException(error)).toMatchObject({ problem: { status: 400 }, unexpected: false });
  });

  it('renders a ProblemDetailsError as is', () => {
    const problem = problemFromStatus(409, 'stale');
    expect(problemFromException(new ProblemDetailsError(problem)).problem).toBe(problem);
  });

  it('answers unknown errors with a bare 500 and flags them for the log', () => {
    expect(problemFromException(new TypeError('cannot read x of undefined'))).toEqual({
      problem: {
        type: 'https://ofm.state.gov/problems/internal',
        title: 'Internal error',
        status: 500,
        detail: 'An unexpected error occurred',
      },
      unexpected: true,
    });
    expect(
      problemFromException(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).unexpected,
    ).toBe(true);
  });
});

describe('rpcErrorFromException (gRPC)', () => {
  it('sends a DomainError with its code and the problem as details', () => {
    const { error, unexpected } = rpcErrorFromException(notFound('Member', 'x'));
    expect(unexpected).toBe(false);
    expect(error.code).toBe(GrpcStatus.NOT_FOUND);
    expect(JSON.parse(error.details)).toMatchObject({ status: 404, detail: 'Member x was not found' });
  });

  it('maps HttpExceptions (a Nest pipe on a gRPC handler) by status', () => {
    const { error } = rpcErrorFromException(new BadRequestException('pid must be a UUID'));
    expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(JSON.parse(error.details)).toMatchObject({ status: 400, detail: 'pid must be a UUID' });
  });

  it('keeps the code of an RpcException that carries one', () => {
    const { error, unexpected } = rpcErrorFromException(
      new RpcException({ code: GrpcStatus.ALREADY_EXISTS, message: 'duplicate pid' }),
    );
    expect(unexpected).toBe(false);
    expect(error.code).toBe(GrpcStatus.ALREADY_EXISTS);
    expect(JSON.parse(error.details)).toMatchObject({ status: 409, detail: 'duplicate pid' });
  });

  it("turns Nest's guard refusal into PERMISSION_DENIED", () => {
    expect(rpcErrorFromException(new RpcException('Forbidden resource')).error.code).toBe(GrpcStatus.PERMISSION_DENIED);
  });

  it('sends unknown errors as INTERNAL without their text', () => {
    const { error, unexpected } = rpcErrorFromException(new Error('column "x" does not exist'));
    expect(unexpected).toBe(true);
    expect(error.code).toBe(GrpcStatus.INTERNAL);
    expect(error.details).not.toContain('column');
    expect(rpcErrorFromException(new RpcException('boom')).unexpected).toBe(true);
  });
});

describe('infrastructure outages', () => {
  // What pg and TypeORM throw while PostgreSQL restarts.
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const adminShutdown = Object.assign(new Error('QueryFailedError'), { driverError: { code: '57P01' } });

  it.each([refused, adminShutdown])('answers HTTP 503 (retry), not 500, and still logs it', (error) => {
    const { problem, unexpected } = problemFromException(error);
    expect(problem.status).toBe(503);
    expect(problem.detail).toContain('retry');
    expect(unexpected).toBe(true);
  });

  it.each([refused, adminShutdown])('answers gRPC UNAVAILABLE with a 503 problem', (error) => {
    const { error: rpc } = rpcErrorFromException(error);
    expect(rpc.code).toBe(GrpcStatus.UNAVAILABLE);
    expect(JSON.parse(rpc.details).status).toBe(503);
  });

  it('keeps a bug a 500', () => {
    expect(problemFromException(new TypeError('x is undefined')).problem.status).toBe(500);
  });
});
