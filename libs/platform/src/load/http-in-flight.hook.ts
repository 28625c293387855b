import { PROBLEM_CONTENT_TYPE, problemFromStatus } from '../errors/problem-details';
import type { Capacity } from './capacity';

// The part of a Fastify instance and its replies used here (structural: Nest's adapter may bring
// its own copy of fastify).
export interface ShedReply {
  code(status: number): ShedReply;
  header(name: string, value: string): ShedReply;
  type(contentType: string): ShedReply;
  send(body: string): ShedReply;
  hasHeader(name: string): boolean;
  statusCode: number;
  raw: { once(event: 'close', listener: () => void): unknown };
}

export interface ShedFastify {
  addHook(name: 'onRequest', hook: (request: { url: string }, reply: ShedReply) => Promise<unknown>): unknown;
  addHook(name: 'onSend', hook: (request: unknown, reply: ShedReply, payload: unknown) => Promise<unknown>): unknown;
}

// Probes and scrapes are answered even at capacity: a pod that is busy is not dead (liveness), and
// its readiness is its dependencies', not its load.
const EXEMPT_PREFIXES = ['/health/', '/metrics'];

const exempt = (url: string): boolean => EXEMPT_PREFIXES.some((prefix) => url.startsWith(prefix));

export const capacityProblemBody = (detail: string): string => JSON.stringify(problemFromStatus(503, detail));

// The first thing a request meets (onRequest: before its body is read, its token checked, its
// Idempotency-Key claimed or a service called): past capacity it is answered 503 at once, so the
// client knows nothing ran and may retry with the same Idempotency-Key after Retry-After.
export const limitHttpInFlight = (fastify: ShedFastify, capacity: Capacity, retryAfterSeconds: number): void => {
  const refusal = capacityProblemBody('The server is at capacity; nothing was done, retry after Retry-After');
  fastify.addHook('onRequest', async (request, reply) => {
    if (exempt(request.url)) return;
    const release = capacity.admit();
    if (release) {
      // 'close' comes once per response, whether it was sent in full or the client went away.
      reply.raw.once('close', release);
      return;
    }
    reply
      .code(503)
      .header('retry-after', String(retryAfterSeconds))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(refusal);
    return reply;
  });
};

// Every 503 or 429 tells when to come back (RFC 9110 §10.2.3), whoever produced it: the limit
// above, a service at capacity, a database briefly away.
export const retryAfterOnRefusal = (fastify: ShedFastify, retryAfterSeconds: number): void => {
  const value = String(retryAfterSeconds);
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if ((reply.statusCode === 503 || reply.statusCode === 429) && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', value);
    }
    return payload;
  });
};
