import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemDetailsError, problemFromStatus } from '../errors/problem-details';
import type { JsonLimits } from './edge.config';
import { limitedBody } from './csv-body';
import { parseJsonBody } from './json-body';

export const JSON_MEDIA_TYPE = 'application/json';
export const CSV_MEDIA_TYPE = 'text/csv';

// Fastify route config key under which a route lists the media types its body may have; a route that
// lists none takes application/json. (The gateway sets it from each route's declaration.)
export const ROUTE_CONTENT_TYPES = 'contentTypes';

export interface ContentTypeRouteConfig {
  [ROUTE_CONTENT_TYPES]?: readonly string[];
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

// "application/JSON; charset=utf-8" → "application/json"
export const mediaTypeOf = (contentType: string): string => contentType.split(';', 1)[0]!.trim().toLowerCase();

const hasBody = (request: FastifyRequest): boolean => {
  const { headers } = request;
  return (
    headers['content-type'] !== undefined ||
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
};

// The 415 for a body this route does not take, or undefined when it takes it.
export const unsupportedMediaType = (
  contentType: string | undefined,
  accepted: readonly string[],
): ProblemDetailsError | undefined => {
  const takes = accepted.join(' or ');
  if (contentType === undefined) {
    return new ProblemDetailsError(problemFromStatus(415, `A request body needs Content-Type: ${takes}`));
  }
  const mediaType = mediaTypeOf(contentType);
  if (accepted.includes(mediaType)) return undefined;
  return new ProblemDetailsError(
    problemFromStatus(415, `This route takes a body of type ${takes}, not ${mediaType || 'an empty media type'}`),
  );
};

// Only the media types a route declares are parsed, and only for that route: JSON with the parse
// limits, CSV as a stream. Fastify's own text/plain parser and Nest's form-urlencoded one are not
// installed (bootstrapService turns Nest's body parser off), so a JSON body sent as text/plain or a
// form is a 415 before a byte of it is read, not a 400 about every field.
export const installContentTypes = (fastify: FastifyInstance, limits: JsonLimits): void => {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseJsonBody(text as string, limits));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // CSV is streamed to the route, with the route's body limit counted on the way (csv-body.ts).
  fastify.addContentTypeParser(CSV_MEDIA_TYPE, (request, payload, done) => {
    try {
      done(null, limitedBody(payload, request.routeOptions.bodyLimit, request.headers['content-length']));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    // An unknown path is a 404 whatever its body (the not-found handler answers it).
    if (request.is404 || BODYLESS_METHODS.has(request.method) || !hasBody(request)) return payload;
    const config = request.routeOptions.config as ContentTypeRouteConfig | undefined;
    const refusal = unsupportedMediaType(
      request.headers['content-type'],
      config?.[ROUTE_CONTENT_TYPES] ?? [JSON_MEDIA_TYPE],
    );
    if (refusal) throw refusal;
    return payload;
  });
};
