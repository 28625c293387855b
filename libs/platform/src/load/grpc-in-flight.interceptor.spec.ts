import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, Subject, type Observable } from 'rxjs';
import { ProblemDetailsError } from '../errors/problem-details';
import { Capacity } from './capacity';
import { GrpcInFlightInterceptor } from './grpc-in-flight.interceptor';

// The call a grpc-js unary handler gets (third argument of a Nest gRPC handler).
const rpcContext = (path: string, deadline: Date | number = Infinity): ExecutionContext =>
  ({
    getType: () => 'rpc',
    getArgByIndex: (index: number) => (index === 2 ? { getPath: () => path, getDeadline: () => deadline } : {}),
  }) as unknown as ExecutionContext;

const handler = (answer: Observable<unknown>): CallHandler & { calls: number } => {
  const h = {
    calls: 0,
    handle: () => {
      h.calls += 1;
      return answer;
    },
  };
  return h;
};

const refusalOf = (run: () => unknown): ProblemDetailsError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemDetailsError) return error;
  }
  throw new Error('expected a refusal');
};

describe('GrpcInFlightInterceptor', () => {
  const call = '/ofm.accreditation.v1.MissionService/RegisterMission';

  it('refuses the call past its limit with 503 (UNAVAILABLE) before its handler runs', async () => {
    const capacity = new Capacity('grpc', 1);
    const interceptor = new GrpcInFlightInterceptor(capacity);
    const pending = new Subject<unknown>();
    const running = interceptor.intercept(rpcContext(call), handler(pending));
    const done = firstValueFrom(running);

    const second = handler(new Subject());
    const refusal = refusalOf(() => interceptor.intercept(rpcContext(call), second));
    expect(refusal.problem).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/at capacity; nothing was done/),
    });
    expect(second.calls).toBe(0);

    pending.next('answer');
    pending.complete();
    expect(await done).toBe('answer');
    expect(capacity.used).toBe(0);
  });

  it('does not start a call whose caller has stopped waiting', () => {
    const capacity = new Capacity('grpc', 5);
    const late = handler(new Subject());
    const refusal = refusalOf(() =>
      new GrpcInFlightInterceptor(capacity).intercept(rpcContext(call, new Date(Date.now() - 1)), late),
    );
    expect(refusal.problem.status).toBe(504);
    expect(late.calls).toBe(0);
    expect(capacity.used).toBe(0);
  });

  it('always answers health checks, and leaves HTTP alone', () => {
    const capacity = new Capacity('grpc', 1);
    const interceptor = new GrpcInFlightInterceptor(capacity);
    interceptor.intercept(rpcContext(call), handler(new Subject())).subscribe();
    const health = handler(new Subject());
    interceptor.intercept(rpcContext('/grpc.health.v1.Health/Check'), health);
    const http = handler(new Subject());
    interceptor.intercept({ getType: () => 'http' } as unknown as ExecutionContext, http);
    expect([health.calls, http.calls]).toEqual([1, 1]);
  });
});
