import { Catch, Logger, type ArgumentsHost, type ExceptionFilter, type LoggerService } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { logUnexpected, sendProblem, throwRpcError, type ReplyLike } from './error-responses';
import { problemFromException } from './exception-mapping';
import type { ProblemDetails } from './problem-details';

// Words some exceptions better than the generic mapping, knowing the request (e.g. the edge's: the
// body limit of the route); undefined leaves the exception to it.
export type ProblemTranslator = (exception: unknown, request: unknown) => ProblemDetails | undefined;

// Renders every error of an HTTP handler as RFC 9457 application/problem+json: DomainErrors, Nest
// HttpExceptions, failed gRPC calls and Fastify errors (those the translators know worded by them);
// anything else is a 500 that shows nothing of the internals and is logged.
// Global filters are shared with the gRPC side of a hybrid app, so in an RPC context it answers
// exactly like GrpcErrorFilter.
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger: LoggerService;

  constructor(
    logger?: LoggerService,
    private readonly translators: readonly ProblemTranslator[] = [],
  ) {
    this.logger = logger ?? new Logger(ProblemDetailsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return throwRpcError(exception, this.logger, host);
    const http = host.switchToHttp();
    const translated = this.translate(exception, http.getRequest<unknown>());
    const { problem, unexpected } = translated
      ? { problem: translated, unexpected: false }
      : problemFromException(exception);
    if (unexpected) logUnexpected(this.logger, exception, 'HTTP handler');
    sendProblem(http.getResponse<ReplyLike>(), problem);
  }

  private translate(exception: unknown, request: unknown): ProblemDetails | undefined {
    for (const translate of this.translators) {
      const problem = translate(exception, request);
      if (problem) return problem;
    }
    return undefined;
  }
}
