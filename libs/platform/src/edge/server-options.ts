import type { Server } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';
import { answerClientError } from './client-error';
import type { EdgeSettings } from './edge.config';

// How often Node looks for requests past their headers or request timeout (its default, 30 s,
// would let a 30 s timeout fire at up to 60 s): a tenth of the shorter timeout, within 100 ms–1 s.
export const connectionsCheckingIntervalMs = (s: EdgeSettings): number =>
  Math.min(1_000, Math.max(100, Math.floor(Math.min(s.headersTimeoutMs, s.requestTimeoutMs) / 10)));

// The options of the Fastify instance behind Nest's adapter: Node's HTTP server limits and timeouts,
// and the answer to what the HTTP parser refuses before Fastify sees a request.
export const edgeFastifyOptions = (s: EdgeSettings): FastifyHttpOptions<Server> => ({
  // Node's own timeouts: 408 (answered by the clientError handler) when the headers or the whole
  // request have not arrived in time.
  requestTimeout: s.requestTimeoutMs,
  http: {
    headersTimeout: s.headersTimeoutMs,
    requestTimeout: s.requestTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingIntervalMs(s),
    maxHeaderSize: s.maxHeaderBytes,
  },
  // Fastify's: the request admitted but not answered in time (504, through the exception filter).
  handlerTimeout: s.handlerTimeoutMs,
  // Socket inactivity: a client that stops reading its answer.
  connectionTimeout: s.idleTimeoutMs,
  keepAliveTimeout: s.keepAliveTimeoutMs,
  maxRequestsPerSocket: s.maxRequestsPerSocket,
  bodyLimit: s.bodyLimitBytes,
  clientErrorHandler: answerClientError(s),
});
