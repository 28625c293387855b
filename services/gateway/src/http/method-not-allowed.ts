import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Type } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problemFromStatus } from '@ofm/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { documentedRoutes } from './routes';

// A method a path of the API does not have is answered 405 with Allow (RFC 9110 §15.5.6), as
// problem+json, rather than 404 or a validation error. Registered on Fastify before Nest's routes,
// for exactly the methods each path lacks.
export const answerUnknownMethods = (app: NestFastifyApplication, controllers: Type<unknown>[]): void => {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const byPath = new Map<string, Set<string>>();
  for (const r of documentedRoutes(controllers)) {
    const methods = byPath.get(r.path) ?? new Set<string>();
    methods.add(r.method.toUpperCase());
    if (r.method === 'get') methods.add('HEAD');
    byPath.set(r.path, methods);
  }
  for (const [url, methods] of byPath) {
    const allow = [...methods].sort().join(', ');
    const others = fastify.supportedMethods.filter((m) => !methods.has(m));
    const refuse = (method: string, reply: FastifyReply): void => {
      const problem = problemFromStatus(405, `${method} is not allowed on ${url}; allowed: ${allow}`);
      void reply.code(405).header('allow', allow).type(PROBLEM_CONTENT_TYPE).send(problem);
    };
    fastify.route({
      method: others,
      url,
      // Answered at onRequest, before a body is read or its content type checked.
      onRequest: (request, reply, done) => {
        refuse(request.method, reply);
        done();
      },
      handler: (request, reply) => refuse(request.method, reply),
    });
  }
};
