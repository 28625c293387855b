import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemFromStatus } from '../errors/problem-details';

// At most `max` connections are served at once. A connection beyond them is still accepted and its
// first request read (its headers only), so that the client gets a 503 problem document with
// Retry-After instead of a connection reset (Node's maxConnections); the connection is closed with
// that answer, so it holds nothing longer than its headers took.
// A connection slot frees as soon as any client closes one; a second is plenty.
const RETRY_AFTER_SECONDS = '1';

export const limitConnections = (fastify: FastifyInstance, max: number): void => {
  const server = fastify.server as Server;
  const beyond = new WeakSet<Socket>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open += 1;
    if (open > max) beyond.add(socket);
    socket.once('close', () => {
      open -= 1;
    });
  });
  const refusal = JSON.stringify(
    problemFromStatus(
      503,
      `The server has ${max} connections open, its limit; nothing was done, retry after Retry-After`,
    ),
  );
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!beyond.has(request.raw.socket)) {
      done();
      return;
    }
    // Node's own Connection: close, which the edge keeps even for a body not yet read (unread-body.ts).
    reply.raw.shouldKeepAlive = false;
    void reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).type(PROBLEM_CONTENT_TYPE).send(refusal);
  });
};
