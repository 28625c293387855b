import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';
import { ProblemDetailsError, problemFromStatus } from '../errors/problem-details';
import type { Capacity } from './capacity';

interface ServerCallLike {
  getPath?: () => string;
  getDeadline?: () => Date | number;
}

// The health service answers the gateway's readiness checks, which must not fail because of load.
const HEALTH_PATH = '/grpc.health.v1.Health/';

// gRPC calls a service runs at once. Past the limit a call is refused with UNAVAILABLE (503 at the
// gateway) before its handler runs, so nothing was done; a call whose caller's deadline has already
// passed is not started either (the caller has answered 504 and must not find the command done
// later). A call admitted runs to its end.
export class GrpcInFlightInterceptor implements NestInterceptor {
  private readonly refusal;

  constructor(
    private readonly capacity: Capacity,
    serviceName = 'The service',
  ) {
    this.refusal = problemFromStatus(503, `${serviceName} is at capacity; nothing was done, retry shortly`);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const call = context.getArgByIndex<ServerCallLike | undefined>(2);
    const path = typeof call?.getPath === 'function' ? call.getPath() : '';
    if (path.startsWith(HEALTH_PATH)) return next.handle();
    if (deadlinePassed(call)) {
      throw new ProblemDetailsError(problemFromStatus(504, 'The caller stopped waiting before the call started'));
    }
    const release = this.capacity.admit();
    if (!release) throw new ProblemDetailsError(this.refusal);
    return next.handle().pipe(finalize(release));
  }
}

const deadlinePassed = (call: ServerCallLike | undefined): boolean => {
  if (typeof call?.getDeadline !== 'function') return false;
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  // Infinity when the caller set none.
  return Number.isFinite(at) && at <= Date.now();
};
