import { counter, histogram } from './prometheus';

// The part of a Fastify instance we use (typed structurally: Nest's adapter may bring its own fastify copy).
export interface FastifyLike {
  addHook(
    name: 'onResponse',
    hook: (
      request: { method: string; routeOptions?: { url?: string } },
      reply: { statusCode: number; elapsedTime: number },
      done: () => void,
    ) => void,
  ): unknown;
}

const instrumented = new WeakSet<object>();

// Records every HTTP answer by route template (not raw URL, which would explode label cardinality).
// Idempotent per Fastify instance; bootstrapService calls it.
export const httpMetricsHook = (fastify: FastifyLike): void => {
  if (instrumented.has(fastify)) return;
  instrumented.add(fastify);
  const requests = counter('ofm_http_server_requests_total', 'HTTP requests answered, by method, route and status', [
    'method',
    'route',
    'status',
  ] as const);
  const duration = histogram('ofm_http_server_duration_seconds', 'HTTP answer time in seconds, by method and route', [
    'method',
    'route',
  ] as const);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
};
