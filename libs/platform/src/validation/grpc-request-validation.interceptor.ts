import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { vocabulary } from '@ofm/contracts';
import type { Observable } from 'rxjs';
import { inputRefused } from '../errors/domain.error';
import { grpcMethod } from '../metrics/grpc-metrics.interceptor';

// Every gRPC request is checked against the rules its proto message declares, the same rules the
// gateway checks the REST body against (@ofm/contracts vocabulary), before any handler runs: a
// service never trusts that its caller validated. Domain rules stay in the services. A day outside
// its bounds answers 422 (rule day-bounds) here as at the gateway: inputRefused decides for both.
@Injectable()
export class GrpcRequestValidationInterceptor implements NestInterceptor {
  private readonly requestTypes = new Map<string, string | null>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const type = this.requestTypeOf(grpcMethod(context));
    if (type) {
      const violations = vocabulary.requestViolations(type, context.switchToRpc().getData());
      if (violations.length) throw inputRefused(violations);
    }
    return next.handle();
  }

  // "/ofm.accreditation.v1.MemberService/GetMember" → "ofm.accreditation.v1.GetMemberRequest".
  private requestTypeOf(path: string): string | null {
    let type = this.requestTypes.get(path);
    if (type === undefined) {
      const m = /^\/([\w.]+)\/(\w+)$/.exec(path);
      const service = m?.[1]?.startsWith('ofm.') ? vocabulary.protoRoot().lookupService(m[1]) : undefined;
      const method = service?.methods[m![2]!];
      type = method?.resolvedRequestType?.fullName.replace(/^\./, '') ?? null;
      this.requestTypes.set(path, type);
    }
    return type;
  }
}
