import { status as GrpcStatus } from '@grpc/grpc-js';
import type { DomainError, DomainErrorKind } from './domain.error';
import {
  INTERNAL_ERROR_DETAIL,
  isProblemDetails,
  kindForHttpStatus,
  problemFromDomainError,
  problemFromStatus,
  type ProblemDetails,
} from './problem-details';

export { GrpcStatus };

// What a gRPC handler's error must look like for grpc-js to send it as a status: `code` and
// `details` (the problem JSON, which the gateway parses back); `message` for logs and Nest.
export interface RpcStatusError {
  code: GrpcStatus;
  message: string;
  details: string;
}

export const KIND_GRPC_CODE: Readonly<Record<DomainErrorKind, GrpcStatus>> = {
  validation: GrpcStatus.INVALID_ARGUMENT,
  rule: GrpcStatus.FAILED_PRECONDITION,
  'not-found': GrpcStatus.NOT_FOUND,
  conflict: GrpcStatus.ABORTED,
  forbidden: GrpcStatus.PERMISSION_DENIED,
  unauthenticated: GrpcStatus.UNAUTHENTICATED,
};

// gRPC code → HTTP status, for statuses that carry no problem JSON (another server, the transport).
const GRPC_HTTP_STATUS: Readonly<Partial<Record<GrpcStatus, number>>> = {
  [GrpcStatus.INVALID_ARGUMENT]: 400,
  [GrpcStatus.OUT_OF_RANGE]: 400,
  [GrpcStatus.UNAUTHENTICATED]: 401,
  [GrpcStatus.PERMISSION_DENIED]: 403,
  [GrpcStatus.NOT_FOUND]: 404,
  [GrpcStatus.ABORTED]: 409,
  [GrpcStatus.ALREADY_EXISTS]: 409,
  [GrpcStatus.FAILED_PRECONDITION]: 422,
  [GrpcStatus.RESOURCE_EXHAUSTED]: 429,
  [GrpcStatus.UNIMPLEMENTED]: 501,
  [GrpcStatus.UNAVAILABLE]: 503,
  [GrpcStatus.DEADLINE_EXCEEDED]: 504,
};

export const grpcCodeForKind = (kind: DomainErrorKind): GrpcStatus => KIND_GRPC_CODE[kind];

export const grpcCodeForHttpStatus = (httpStatus: number): GrpcStatus => {
  const kind = kindForHttpStatus(httpStatus);
  if (kind) return KIND_GRPC_CODE[kind];
  if (httpStatus === 429) return GrpcStatus.RESOURCE_EXHAUSTED;
  if (httpStatus === 503) return GrpcStatus.UNAVAILABLE;
  if (httpStatus === 504) return GrpcStatus.DEADLINE_EXCEEDED;
  if (httpStatus === 501) return GrpcStatus.UNIMPLEMENTED;
  if (httpStatus >= 400 && httpStatus < 500) return GrpcStatus.INVALID_ARGUMENT;
  return GrpcStatus.INTERNAL;
};

export const problemToRpc = (problem: ProblemDetails, code = grpcCodeForHttpStatus(problem.status)): RpcStatusError => {
  const details = JSON.stringify(problem);
  return { code, message: details, details };
};

export const domainErrorToRpc = (error: DomainError): RpcStatusError =>
  problemToRpc(problemFromDomainError(error), KIND_GRPC_CODE[error.kind]);

export interface GrpcErrorLike {
  code: number;
  details?: string;
  message?: string;
}

// A grpc-js ServiceError (or anything shaped like a gRPC status). Node system errors have string codes.
export const isGrpcError = (value: unknown): value is GrpcErrorLike => {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'number' &&
    Number.isInteger(candidate.code) &&
    candidate.code >= 0 &&
    candidate.code <= 16 &&
    (typeof candidate.details === 'string' || typeof candidate.message === 'string')
  );
};

// For the gateway: a failed gRPC call → the problem to answer. Our services put the problem JSON in
// `details`; anything else is mapped by code, and unexpected failures never show their text.
export const problemFromGrpcError = (error: unknown): ProblemDetails => {
  if (!isGrpcError(error)) return problemFromStatus(500, INTERNAL_ERROR_DETAIL);
  const carried = parseProblem(error.details);
  if (carried) return carried;
  const httpStatus = GRPC_HTTP_STATUS[error.code as GrpcStatus] ?? 500;
  switch (error.code) {
    case GrpcStatus.DEADLINE_EXCEEDED:
      return problemFromStatus(504, 'A downstream service did not answer in time');
    case GrpcStatus.UNAVAILABLE:
      return problemFromStatus(503, 'A downstream service is unavailable');
    default:
      if (httpStatus >= 500) return problemFromStatus(500, INTERNAL_ERROR_DETAIL);
      return problemFromStatus(httpStatus, error.details || undefined);
  }
};

// A service's deliberate refusal: 503 with its own problem document (at capacity, database briefly
// away), which the service has counted and logged; the caller is told to retry, nothing is broken here.
export const isDeliberateRefusal = (error: unknown): boolean =>
  isGrpcError(error) && parseProblem(error.details)?.status === 503;

const parseProblem = (details: string | undefined): ProblemDetails | undefined => {
  if (!details || !details.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(details);
    if (!isProblemDetails(parsed)) return undefined;
    // Keep only the problem's own fields: details come from another process.
    const problem: ProblemDetails = {
      type: parsed.type,
      title: parsed.title,
      status: parsed.status,
      detail: parsed.detail,
    };
    if (Array.isArray(parsed.errors)) problem.errors = parsed.errors;
    if (typeof parsed.rule === 'string') problem.rule = parsed.rule;
    return problem;
  } catch {
    return undefined;
  }
};
