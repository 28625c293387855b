import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { apiRouteOf, type ApiRouteOptions } from './api-route.decorator';

export interface DocumentedRoute {
  method: string;
  path: string;
  handler: string;
  route: ApiRouteOptions;
}

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of the controllers that declares @ApiRoute, with its method and path. */
export const documentedRoutes = (controllers: Type<unknown>[]): DocumentedRoute[] =>
  controllers.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const route = typeof handler === 'function' ? apiRouteOf(handler) : undefined;
      if (!route) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
      const path = joinPath(base, Reflect.getMetadata(PATH_METADATA, handler) as string);
      return [{ method, path, handler: `${controller.name}.${name}`, route }];
    });
  });
