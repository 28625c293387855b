import { Catch, Logger, type ArgumentsHost, type LoggerService, type RpcExceptionFilter } from '@nestjs/common';
import { EMPTY, type Observable } from 'rxjs';
import { logUnexpected, sendProblem, throwRpcError, type ReplyLike } from './error-responses';
import { problemFromException } from './exception-mapping';

// For gRPC handlers: every error leaves as a gRPC status whose `details` is the problem JSON
// (grpc-js sends the `code` and `details` of the error a unary handler fails with). Unknown errors
// are logged and leave as INTERNAL without their text. In an HTTP context it renders problem+json
// like ProblemDetailsFilter, since global filters are shared by both sides of a hybrid app.
@Catch()
export class GrpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger: LoggerService;

  constructor(logger?: LoggerService) {
    this.logger = logger ?? new Logger(GrpcErrorFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (host.getType() === 'http') {
      const { problem, unexpected } = problemFromException(exception);
      if (unexpected) logUnexpected(this.logger, exception, 'HTTP handler');
      sendProblem(host.switchToHttp().getResponse<ReplyLike>(), problem);
      return EMPTY;
    }
    return throwRpcError(exception, this.logger, host);
  }
}
