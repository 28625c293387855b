import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSV_MEDIA_TYPE, JSON_MEDIA_TYPE, ROUTE_CONTENT_TYPES, type ContentTypeRouteConfig } from '@ofm/platform';
import type { FastifyInstance } from 'fastify';
import type { ApiRouteOptions } from './api-route.decorator';
import { documentedRoutes } from './routes';

export interface RouteBody {
  contentTypes: string[];
  bodyLimit: number;
}

// What a route's body may be, from its declaration: its media type (JSON, or CSV for `csv` routes)
// and its size (its own `bodyLimit`, else the default for its media type).
export const routeBody = (route: ApiRouteOptions, limits: { json: number; csv: number }): RouteBody => ({
  contentTypes: [route.csv ? CSV_MEDIA_TYPE : JSON_MEDIA_TYPE],
  bodyLimit: route.bodyLimit ?? (route.csv ? limits.csv : limits.json),
});

// Applies each API route's body declaration to the Fastify route Nest registers for it (onRoute sees
// every route before it is built). The platform's edge answers 415 for another media type and 413
// past the limit. Must run before the app is initialised.
export const declareRouteBodies = (
  app: NestFastifyApplication,
  controllers: Type<unknown>[],
  limits: { json: number; csv: number },
): void => {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const bodies = new Map(
    documentedRoutes(controllers).map((r) => [`${r.method.toUpperCase()} ${r.path}`, routeBody(r.route, limits)]),
  );
  fastify.addHook('onRoute', (routeOptions) => {
    const methods = Array.isArray(routeOptions.method) ? routeOptions.method : [routeOptions.method];
    const body = methods.map((m) => bodies.get(`${m.toUpperCase()} ${routeOptions.url}`)).find(Boolean);
    if (!body) return;
    routeOptions.bodyLimit = body.bodyLimit;
    const config: ContentTypeRouteConfig = { ...routeOptions.config, [ROUTE_CONTENT_TYPES]: body.contentTypes };
    routeOptions.config = config as typeof routeOptions.config;
  });
};
