import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

// Sockets whose current request was answered before its body had all arrived.
const answeredEarly = new WeakSet<Socket>();

// An answer given before the request's body has arrived (a 413 on its Content-Length, a 415, a 401)
// must reach a client that is still sending. Fastify marks a body-parser refusal `Connection: close`,
// and Node then closes the socket with the rest of the body unread, which resets it: the client's
// next write fails with EPIPE or ECONNRESET and it never reads the answer (a 32 MiB feed over the
// limit did, now and then). So the connection is kept: Node's parser reads the rest of the body by
// its framing (Content-Length or chunks) and discards it, as nginx's lingering close does, still
// bounded by HTTP_REQUEST_TIMEOUT_MS, and the connection serves the next request as usual.
// A refusal that means to close (the connection limit's 503) sets Node's shouldKeepAlive instead.
export const keepConnectionsThroughUnreadBodies = (fastify: FastifyInstance): void => {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const incoming = request.raw;
    if (incoming.complete || incoming.destroyed) return payload;
    if (String(reply.getHeader('connection') ?? '').toLowerCase() === 'close') reply.removeHeader('connection');
    markAnsweredEarly(incoming);
    return payload;
  });
};

const markAnsweredEarly = (incoming: IncomingMessage): void => {
  const socket = incoming.socket;
  answeredEarly.add(socket);
  incoming.once('end', () => answeredEarly.delete(socket));
  // What nobody reads any more is read and discarded (Node does this only for a body never read).
  if (incoming.isPaused() || incoming.readableFlowing !== true) incoming.resume();
};

// True while the socket's request has had its answer and only the rest of its body is awaited: a
// request timeout then closes the connection without a second answer (408) after the first.
export const isAnsweredBeforeItsBody = (socket: Socket): boolean => answeredEarly.has(socket);
