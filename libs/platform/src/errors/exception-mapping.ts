import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError } from './domain.error';
import {
  GrpcStatus,
  domainErrorToRpc,
  isDeliberateRefusal,
  isGrpcError,
  problemFromGrpcError,
  problemToRpc,
  type RpcStatusError,
} from './grpc-problem.mapper';
import {
  INTERNAL_ERROR_DETAIL,
  ProblemDetailsError,
  problemFromDomainError,
  problemFromStatus,
  type ProblemDetails,
} from './problem-details';
import { isTransientInfrastructureError } from './transient-error';

export interface MappedProblem {
  problem: ProblemDetails;
  // True when the error was not raised on purpose: log it, never show it.
  unexpected: boolean;
}

export interface MappedRpcError {
  error: RpcStatusError;
  unexpected: boolean;
}

// Any exception in an HTTP handler → the problem to answer.
export const problemFromException = (exception: unknown): MappedProblem => {
  if (exception instanceof DomainError) return expected(problemFromDomainError(exception));
  if (exception instanceof ProblemDetailsError) return expected(exception.problem);
  if (exception instanceof HttpException) return expected(problemFromHttpException(exception));
  // A failed gRPC call the gateway let through.
  if (isGrpcError(exception)) {
    const problem = problemFromGrpcError(exception);
    return { problem, unexpected: problem.status >= 500 && !isDeliberateRefusal(exception) };
  }
  // Fastify's own errors (bad JSON body, body too large, wrong content type) carry a 4xx statusCode.
  const fastifyStatus = clientErrorStatus(exception);
  if (fastifyStatus !== undefined) {
    return expected(problemFromStatus(fastifyStatus, (exception as Error).message));
  }
  if (isTransientInfrastructureError(exception)) return { problem: unavailable(), unexpected: true };
  return { problem: problemFromStatus(500, INTERNAL_ERROR_DETAIL), unexpected: true };
};

// Any exception in a gRPC handler → the status to send, with the problem JSON as details.
export const rpcErrorFromException = (exception: unknown): MappedRpcError => {
  if (exception instanceof DomainError) return { error: domainErrorToRpc(exception), unexpected: false };
  if (exception instanceof ProblemDetailsError) return { error: problemToRpc(exception.problem), unexpected: false };
  if (exception instanceof HttpException) {
    return { error: problemToRpc(problemFromHttpException(exception)), unexpected: false };
  }
  if (exception instanceof RpcException) return fromRpcException(exception);
  if (isGrpcError(exception)) {
    const problem = problemFromGrpcError(exception);
    return {
      error: problemToRpc(problem, exception.code),
      unexpected: problem.status >= 500 && !isDeliberateRefusal(exception),
    };
  }
  if (isTransientInfrastructureError(exception)) {
    return { error: problemToRpc(unavailable(), GrpcStatus.UNAVAILABLE), unexpected: true };
  }
  return { error: problemToRpc(problemFromStatus(500, INTERNAL_ERROR_DETAIL), GrpcStatus.INTERNAL), unexpected: true };
};

// The database (or another piece of infrastructure) is away for a moment: the caller may retry.
const unavailable = (): ProblemDetails =>
  problemFromStatus(503, 'A service this request needs is briefly unavailable; retry shortly');

const fromRpcException = (exception: RpcException): MappedRpcError => {
  const raised = exception.getError();
  if (isGrpcError(raised)) {
    const problem = problemFromGrpcError({ code: raised.code, details: raised.details ?? raised.message });
    return { error: problemToRpc(problem, raised.code), unexpected: problem.status >= 500 };
  }
  // Nest's guards answer `false` with RpcException('Forbidden resource').
  if (raised === 'Forbidden resource') {
    return { error: problemToRpc(problemFromStatus(403, 'This caller may not do this')), unexpected: false };
  }
  return { error: problemToRpc(problemFromStatus(500, INTERNAL_ERROR_DETAIL), GrpcStatus.INTERNAL), unexpected: true };
};

const expected = (problem: ProblemDetails): MappedProblem => ({ problem, unexpected: false });

export const problemFromHttpException = (exception: HttpException): ProblemDetails => {
  const status = exception.getStatus();
  const detail = responseMessage(exception.getResponse());
  return problemFromStatus(status, status >= 500 ? INTERNAL_ERROR_DETAIL : detail);
};

const responseMessage = (response: string | object): string | undefined => {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
};

const clientErrorStatus = (exception: unknown): number | undefined => {
  if (!(exception instanceof Error)) return undefined;
  const statusCode = (exception as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
};
