import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Roles, type Role } from '@ofm/platform';

/**
 * How a REST request becomes the gRPC request of the route (REST names are the proto's JSON names):
 * - `message`: the full name of the gRPC request message; its declared rules are the REST rules;
 * - `path`: request fields taken from the path (`:id` → field `id`, or `{ param: field }`);
 * - `ifMatch`: the request field that takes If-Match (the expected version);
 * - `query`: the request comes from the query string (GET lists: `limit`/`cursor` are its `page`);
 * - `body`: the request field (a message) that the whole JSON body is, e.g. the profile a PUT replaces;
 * - otherwise the rest of the request fields come from the JSON body.
 */
export interface RequestBinding {
  message: string;
  path?: Record<string, string>;
  ifMatch?: string;
  query?: boolean;
  body?: string;
}

/** What the route answers: a message, or a page of them (`{items, nextCursor}`). */
export interface AnswerBinding {
  message: string;
  page?: boolean;
  // Properties added beside the message's own, each a message of its own (e.g. the vehicle beside
  // the policy it now carries).
  with?: Record<string, string>;
}

export interface ApiRouteOptions {
  summary: string;
  description?: string;
  roles: Role[];
  request?: RequestBinding;
  answer?: AnswerBinding;
  // Success status (200 unless given).
  status?: number;
  // Problem statuses this route answers beyond those every API route may (see openapi problems).
  problems?: number[];
  // POST that takes Idempotency-Key.
  idempotent?: boolean;
  // The request body is text/csv, not JSON.
  csv?: boolean;
  // Largest body in bytes (413 past it); by default HTTP_BODY_LIMIT_BYTES, HTTP_CSV_BODY_LIMIT_BYTES for csv.
  bodyLimit?: number;
  tag: string;
}

export const API_ROUTE = Symbol('ofm:api-route');

// One decorator per route: the roles it allows (read by HttpAuthGuard, tested for every route), how
// its request and answer map to gRPC (read by @RpcRequest and by the OpenAPI document).
export const ApiRoute = (options: ApiRouteOptions): MethodDecorator =>
  applyDecorators(Roles(...options.roles), SetMetadata(API_ROUTE, options));

export const apiRouteOf = (handler: object): ApiRouteOptions | undefined =>
  Reflect.getMetadata(API_ROUTE, handler) as ApiRouteOptions | undefined;
