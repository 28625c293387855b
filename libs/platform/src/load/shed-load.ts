import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Capacity } from './capacity';
import { GrpcInFlightInterceptor } from './grpc-in-flight.interceptor';
import { limitHttpInFlight, retryAfterOnRefusal, type ShedFastify } from './http-in-flight.hook';
import { loadLimitsFrom, type LoadLimits } from './load.config';

// Bounded concurrency for an app: its HTTP server (gateway) and its gRPC handlers (services) each
// admit a fixed number of requests at once and refuse the rest at once with 503 / UNAVAILABLE and
// Retry-After. Called by configurePlatformApp before any other interceptor, so that a refused call
// costs nothing more. The limits come from the environment (load.config.ts).
export const shedLoad = (app: NestFastifyApplication, limits: LoadLimits = loadLimitsFrom()): void => {
  const fastify = app.getHttpAdapter().getInstance() as unknown as ShedFastify;
  limitHttpInFlight(fastify, new Capacity('http', limits.httpMaxInFlight), limits.retryAfterSeconds);
  retryAfterOnRefusal(fastify, limits.retryAfterSeconds);
  app.useGlobalInterceptors(new GrpcInFlightInterceptor(new Capacity('grpc', limits.grpcMaxInFlight)));
};
