import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import { rpcErrorFromException } from '../errors/exception-mapping';
import { GrpcStatus } from '../errors/grpc-problem.mapper';
import { counter, histogram } from './prometheus';

const requests = () =>
  counter('ofm_grpc_server_requests_total', 'gRPC requests handled, by method and status code', [
    'method',
    'code',
  ] as const);
const duration = () =>
  histogram('ofm_grpc_server_duration_seconds', 'gRPC handling time in seconds, by method', ['method'] as const);

// Counts and times every gRPC handler; other contexts (HTTP, in a hybrid app) pass through.
@Injectable()
export class GrpcMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const method = grpcMethod(context);
    const stopTimer = duration().startTimer({ method });
    const done = (code: GrpcStatus): void => {
      stopTimer();
      requests().inc({ method, code: GrpcStatus[code] ?? String(code) });
    };
    return next.handle().pipe(
      tap({
        complete: () => done(GrpcStatus.OK),
        error: (error: unknown) => done(rpcErrorFromException(error).error.code),
      }),
    );
  }
}

// "/ofm.accreditation.v1.MemberService/GetMember" from the call; the handler name as a fallback.
export const grpcMethod = (context: ExecutionContext): string => {
  const call = context.getArgByIndex(2) as { getPath?: () => string } | undefined;
  if (typeof call?.getPath === 'function') return call.getPath();
  return `${context.getClass().name}.${context.getHandler().name}`;
};
