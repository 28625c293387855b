import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { DomainError, type FieldError } from './domain.error';
import {
  GrpcStatus,
  domainErrorToRpc,
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
    return { problem, unexpected: problem.status >= 500 };
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
    return { error: problemToRpc(problem, exception.code), unexpected: problem.status >= 500 };
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
  const response = exception.getResponse();
  const messages = responseMessages(response);
  // ValidationPipe: BadRequestException whose message is the list of class-validator messages.
  if (status === 400 && Array.isArray(messages)) {
    const errors = messages.map(fieldErrorFromMessage);
    return problemFromStatus(
      400,
      `The request is not valid: ${[...new Set(errors.map((e) => e.field))].join(', ')}`,
      errors,
    );
  }
  const detail = typeof messages === 'string' ? messages : undefined;
  return problemFromStatus(status, status >= 500 ? INTERNAL_ERROR_DETAIL : detail);
};

const responseMessages = (response: string | object): string | string[] | undefined => {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message as string[];
  return undefined;
};

// class-validator words its messages "<path> <constraint>" (nested paths joined by dots by Nest's
// ValidationPipe), "property <path> should not exist" and "each value in <path> …".
export const fieldErrorFromMessage = (message: string): FieldError => {
  const unknownProperty = /^property (\S+) should not exist$/.exec(message);
  if (unknownProperty) return { field: unknownProperty[1]!, message };
  const eachValue = /^each value in (?:nested property )?(\S+) /.exec(message);
  if (eachValue) return { field: eachValue[1]!, message };
  const [field] = message.split(' ', 1);
  return { field: field ?? '', message };
};

const clientErrorStatus = (exception: unknown): number | undefined => {
  if (!(exception instanceof Error)) return undefined;
  const statusCode = (exception as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
};
