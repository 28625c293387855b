import { status as GrpcStatus } from '@grpc/grpc-js';
import {
  conflict,
  DOMAIN_ERROR_KINDS,
  DomainError,
  forbidden,
  notFound,
  ruleViolated,
  unauthenticated,
  validationFailed,
  type DomainErrorKind,
} from './domain.error';
import { domainErrorToRpc, problemFromGrpcError, grpcCodeForHttpStatus } from './grpc-problem.mapper';
import { domainErrorFromProblem, problemFromDomainError, problemFromStatus } from './problem-details';

const expectedByKind: Record<DomainErrorKind, { status: number; code: GrpcStatus; type: string }> = {
  validation: { status: 400, code: GrpcStatus.INVALID_ARGUMENT, type: 'https://ofm.state.gov/problems/validation' },
  rule: { status: 422, code: GrpcStatus.FAILED_PRECONDITION, type: 'https://ofm.state.gov/problems/rule' },
  'not-found': { status: 404, code: GrpcStatus.NOT_FOUND, type: 'https://ofm.state.gov/problems/not-found' },
  conflict: { status: 409, code: GrpcStatus.ABORTED, type: 'https://ofm.state.gov/problems/conflict' },
  forbidden: { status: 403, code: GrpcStatus.PERMISSION_DENIED, type: 'https://ofm.state.gov/problems/forbidden' },
  unauthenticated: {
    status: 401,
    code: GrpcStatus.UNAUTHENTICATED,
    type: 'https://ofm.state.gov/problems/unauthenticated',
  },
};

describe('DomainError → problem → gRPC → problem', () => {
  it.each(DOMAIN_ERROR_KINDS.map((kind) => [kind]))('maps kind %s both ways', (kind) => {
    const error = new DomainError(kind, `detail of ${kind}`);
    const expected = expectedByKind[kind];

    const problem = problemFromDomainError(error);
    expect(problem).toEqual({
      type: expected.type,
      title: expect.any(String),
      status: expected.status,
      detail: `detail of ${kind}`,
    });

    const rpc = domainErrorToRpc(error);
    expect(rpc.code).toBe(expected.code);
    expect(JSON.parse(rpc.details)).toEqual(problem);

    // What the gateway sees from grpc-js: code + details.
    expect(
      problemFromGrpcError({ code: rpc.code, details: rpc.details, message: `${rpc.code} X: ${rpc.details}` }),
    ).toEqual(problem);

    expect(domainErrorFromProblem(problem)).toMatchObject({ kind, detail: `detail of ${kind}` });
  });

  it('names the rule in the problem type and keeps the field errors', () => {
    const error = ruleViolated('insurance-below-minimum', 'The policy is below the minimum', [
      { field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD' },
    ]);
    const problem = problemFromGrpcError(domainErrorToRpc(error));
    expect(problem).toEqual({
      type: 'https://ofm.state.gov/problems/insurance-below-minimum',
      title: 'Rule violated',
      status: 422,
      detail: 'The policy is below the minimum',
      rule: 'insurance-below-minimum',
      errors: [{ field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD' }],
    });
  });

  it('builds each kind with its helper', () => {
    expect(validationFailed([{ field: 'country', message: 'must be ISO 3166-1 alpha-2' }])).toMatchObject({
      kind: 'validation',
      detail: 'The request is not valid: country',
      errors: [{ field: 'country', message: 'must be ISO 3166-1 alpha-2' }],
    });
    expect(notFound('Member', 'm-1')).toMatchObject({ kind: 'not-found', detail: 'Member m-1 was not found' });
    expect(conflict('version 3 is stale')).toMatchObject({ kind: 'conflict', detail: 'version 3 is stale' });
    expect(forbidden('not your mission')).toMatchObject({ kind: 'forbidden', detail: 'not your mission' });
    expect(unauthenticated()).toMatchObject({ kind: 'unauthenticated' });
    expect(ruleViolated('term-limit', 'too long')).toMatchObject({ kind: 'rule', rule: 'term-limit' });
  });
});

describe('problemFromGrpcError without problem JSON', () => {
  it.each([
    [GrpcStatus.INVALID_ARGUMENT, 400, 'validation'],
    [GrpcStatus.OUT_OF_RANGE, 400, 'validation'],
    [GrpcStatus.UNAUTHENTICATED, 401, 'unauthenticated'],
    [GrpcStatus.PERMISSION_DENIED, 403, 'forbidden'],
    [GrpcStatus.NOT_FOUND, 404, 'not-found'],
    [GrpcStatus.ABORTED, 409, 'conflict'],
    [GrpcStatus.ALREADY_EXISTS, 409, 'conflict'],
    [GrpcStatus.FAILED_PRECONDITION, 422, 'rule'],
    [GrpcStatus.RESOURCE_EXHAUSTED, 429, 'too-many-requests'],
    [GrpcStatus.DEADLINE_EXCEEDED, 504, 'timeout'],
    [GrpcStatus.UNAVAILABLE, 503, 'unavailable'],
    [GrpcStatus.UNIMPLEMENTED, 500, 'internal'],
    [GrpcStatus.INTERNAL, 500, 'internal'],
    [GrpcStatus.UNKNOWN, 500, 'internal'],
    [GrpcStatus.DATA_LOSS, 500, 'internal'],
    [GrpcStatus.CANCELLED, 500, 'internal'],
  ])('maps code %i to %i', (code, status, slug) => {
    const problem = problemFromGrpcError({ code, details: 'pg: relation "member" does not exist at /srv/app.js:12' });
    expect(problem.status).toBe(status);
    expect(problem.type).toBe(`https://ofm.state.gov/problems/${slug}`);
    if (status >= 500) expect(problem.detail).not.toContain('relation');
  });

  it('never leaks what an unknown error says', () => {
    expect(problemFromGrpcError(new Error('ECONNRESET at 10.0.0.7'))).toEqual({
      type: 'https://ofm.state.gov/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred',
    });
    expect(problemFromGrpcError({ code: GrpcStatus.INTERNAL, details: '{"oops":' }).detail).toBe(
      'An unexpected error occurred',
    );
  });

  it('ignores JSON details that are not a problem', () => {
    expect(problemFromGrpcError({ code: GrpcStatus.NOT_FOUND, details: '{"a":1}' })).toMatchObject({
      status: 404,
      detail: '{"a":1}',
    });
  });
});

describe('HTTP status ↔ gRPC code', () => {
  it.each([
    [400, GrpcStatus.INVALID_ARGUMENT],
    [401, GrpcStatus.UNAUTHENTICATED],
    [403, GrpcStatus.PERMISSION_DENIED],
    [404, GrpcStatus.NOT_FOUND],
    [409, GrpcStatus.ABORTED],
    [422, GrpcStatus.FAILED_PRECONDITION],
    [429, GrpcStatus.RESOURCE_EXHAUSTED],
    [415, GrpcStatus.INVALID_ARGUMENT],
    [500, GrpcStatus.INTERNAL],
    [501, GrpcStatus.UNIMPLEMENTED],
    [503, GrpcStatus.UNAVAILABLE],
    [504, GrpcStatus.DEADLINE_EXCEEDED],
  ])('maps %i to %i', (status, code) => {
    expect(grpcCodeForHttpStatus(status)).toBe(code);
  });

  it('words statuses that are not domain errors', () => {
    expect(problemFromStatus(413)).toMatchObject({
      type: 'https://ofm.state.gov/problems/payload-too-large',
      status: 413,
    });
    expect(problemFromStatus(418)).toMatchObject({ type: 'https://ofm.state.gov/problems/http-418', status: 418 });
    expect(problemFromStatus(599)).toMatchObject({
      type: 'https://ofm.state.gov/problems/internal',
      detail: 'An unexpected error occurred',
    });
    expect(domainErrorFromProblem(problemFromStatus(503))).toBeUndefined();
  });
});
