import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { apiRouteOf } from './api-route.decorator';
import { bindRequest } from './request-binding';

// The route's gRPC request, bound from the path, query, body and If-Match as its @ApiRoute declares
// and checked against the proto's rules (400 naming each field otherwise).
export const RpcRequest = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  const binding = apiRouteOf(context.getHandler())?.request;
  if (!binding) throw new Error(`${context.getClass().name}.${context.getHandler().name} declares no request`);
  const http = context.switchToHttp().getRequest<FastifyRequest>();
  return bindRequest(binding, {
    params: (http.params ?? {}) as Record<string, string>,
    query: (http.query ?? {}) as Record<string, unknown>,
    body: http.body,
    ifMatch: http.headers['if-match'],
  });
});
