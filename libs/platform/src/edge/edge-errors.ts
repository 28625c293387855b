import { problemFromStatus, type ProblemDetails } from '../errors/problem-details';
import {
  JSON_MEDIA_TYPE,
  ROUTE_CONTENT_TYPES,
  unsupportedMediaType,
  type ContentTypeRouteConfig,
} from './content-types';

// The part of a Fastify request read here.
export interface EdgeRequest {
  headers: Record<string, string | string[] | undefined>;
  routeOptions?: { bodyLimit?: number; handlerTimeout?: number; config?: unknown };
}

// Fastify's own errors at the edge, worded for the client with the limit that applied; undefined for
// anything else (the platform's usual mapping takes it).
export const problemFromEdgeError = (exception: unknown, incoming?: unknown): ProblemDetails | undefined => {
  const request = incoming as EdgeRequest | undefined;
  // Nest's Fastify adapter hands a 4xx Fastify error on as an HttpException caused by it.
  const error = exception as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = error?.code ?? error?.cause?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request?.routeOptions?.bodyLimit;
      return problemFromStatus(
        413,
        limit === undefined
          ? 'The request body is too large'
          : `The request body is larger than the ${limit} bytes this route takes`,
      );
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const config = request?.routeOptions?.config as ContentTypeRouteConfig | undefined;
      const contentType = request?.headers['content-type'];
      const refusal = unsupportedMediaType(
        typeof contentType === 'string' ? contentType : undefined,
        config?.[ROUTE_CONTENT_TYPES] ?? [JSON_MEDIA_TYPE],
      );
      return refusal?.problem ?? problemFromStatus(415, 'The request body is not of a media type this route takes');
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemFromStatus(400, 'The request body is not as long as its Content-Length says');
    // Not 503: the request was admitted and may still complete; a retry with the same
    // Idempotency-Key is safe, as after any gateway timeout.
    case 'FST_ERR_HANDLER_TIMEOUT': {
      const ms = request?.routeOptions?.handlerTimeout;
      return problemFromStatus(504, `The request was not answered${ms ? ` within ${ms / 1000} s` : ' in time'}`);
    }
    default:
      return undefined;
  }
};
