import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { requestIdFromMetadata } from '../auth/actor-metadata';
import { grpcMethod } from '../metrics/grpc-metrics.interceptor';
import { runInRequestContext } from './request-context';

// For gRPC handlers: a call that carries a request id (x-ofm-request-id) is handled inside a request
// context holding that id and the method, which inCommand (@ofm/persistence) reads to record the
// command's receipt. Calls without one, and HTTP requests, pass through untouched. Both next.handle()
// and the subscription run inside the context, so the handler and every await below it see it.
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const requestId = requestIdFromMetadata(context.switchToRpc().getContext());
    if (requestId === undefined) return next.handle();
    const request = { requestId, method: grpcMethod(context) };
    return new Observable((subscriber) => runInRequestContext(request, () => next.handle().subscribe(subscriber)));
  }
}
