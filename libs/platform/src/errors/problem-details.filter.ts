import { Catch, Logger, type ArgumentsHost, type ExceptionFilter, type LoggerService } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { logUnexpected, sendProblem, throwRpcError, type ReplyLike } from './error-responses';
import { problemFromException } from './exception-mapping';

// Renders every error of an HTTP handler as RFC 9457 application/problem+json: DomainErrors, Nest
// HttpExceptions, failed gRPC calls and Fastify errors; anything else is a 500 that shows nothing of the internals and is logged.
// Global filters are shared with the gRPC side of a hybrid app, so in an RPC context it answers
// exactly like GrpcErrorFilter.
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger: LoggerService;

  constructor(logger?: LoggerService) {
    this.logger = logger ?? new Logger(ProblemDetailsFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return throwRpcError(exception, this.logger, host);
    const { problem, unexpected } = problemFromException(exception);
    if (unexpected) logUnexpected(this.logger, exception, 'HTTP handler');
    sendProblem(host.switchToHttp().getResponse<ReplyLike>(), problem);
  }
}
