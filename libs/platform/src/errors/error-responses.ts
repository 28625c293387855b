import type { ArgumentsHost, LoggerService } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { rpcErrorFromException } from './exception-mapping';
import { PinoNestLogger } from '../logging/pino-nest.logger';
import type { RpcStatusError } from './grpc-problem.mapper';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

// Minimal surface of a Fastify reply or an Express response.
export interface ReplyLike {
  code?: (status: number) => unknown;
  status?: (status: number) => unknown;
  header?: (name: string, value: string) => unknown;
  setHeader?: (name: string, value: string) => unknown;
  send: (body: string) => unknown;
  sent?: boolean;
  headersSent?: boolean;
}

export const sendProblem = (reply: ReplyLike, problem: ProblemDetails): void => {
  if (reply.sent || reply.headersSent) return;
  if (typeof reply.code === 'function') reply.code(problem.status);
  else reply.status?.(problem.status);
  if (typeof reply.header === 'function') reply.header('content-type', PROBLEM_CONTENT_TYPE);
  else reply.setHeader?.('content-type', PROBLEM_CONTENT_TYPE);
  reply.send(JSON.stringify(problem));
};

// The one place where internals of an unexpected error are written: to the log, never to the caller.
export const logUnexpected = (logger: LoggerService, exception: unknown, where: string): void => {
  if (logger instanceof PinoNestLogger) {
    logger.pino.error({ err: exception, where }, `unexpected error in ${where}`);
    return;
  }
  const stack = exception instanceof Error ? exception.stack : undefined;
  logger.error(
    `unexpected error in ${where}: ${exception instanceof Error ? exception.message : String(exception)}`,
    stack,
    'ExceptionFilter',
  );
};

export const throwRpcError = (exception: unknown, logger: LoggerService, host?: ArgumentsHost): Observable<never> => {
  const { error, unexpected } = rpcErrorFromException(exception);
  if (unexpected) logUnexpected(logger, exception, `gRPC ${rpcMethodName(host)}`);
  return throwError((): RpcStatusError => error);
};

const rpcMethodName = (host: ArgumentsHost | undefined): string => {
  const call = host?.getArgByIndex(2) as { getPath?: () => string } | undefined;
  return typeof call?.getPath === 'function' ? call.getPath() : 'handler';
};
