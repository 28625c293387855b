import type { FastifyInstance } from 'fastify';
import { limitConnections } from './connection-limit';
import { installContentTypes } from './content-types';
import type { EdgeSettings } from './edge.config';
import { keepConnectionsThroughUnreadBodies } from './unread-body';

// What the edge adds to a Fastify instance made with edgeFastifyOptions: the connection limit, the
// body parsers with their limits, and answers that reach a client still sending its body.
// bootstrapService calls it before any other hook is added.
export const installEdge = (fastify: FastifyInstance, settings: EdgeSettings): void => {
  limitConnections(fastify, settings.maxConnections);
  installContentTypes(fastify, settings.json);
  keepConnectionsThroughUnreadBodies(fastify);
};
