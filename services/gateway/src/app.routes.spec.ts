import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { PUBLIC_KEY, ROLES, ROLES_KEY, type Role } from '@ofm/platform';
import { API_CONTROLLERS } from './app.module';
import { HttpAuthGuard } from './auth/http-auth.guard';
import { startTestGateway, type TestGateway } from './gateway.spec-helper';
import { apiRouteOf } from './http/api-route.decorator';
import { bindingSchemas } from './http/request-binding';
import { documentedRoutes } from './http/routes';

interface RouteInfo {
  method: string;
  path: string;
  roles: Role[] | undefined;
  isPublic: boolean;
  handler: object;
}

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

// Every route of the Nest app, from the controllers' own metadata, with what it declares.
const listRoutes = (gw: TestGateway): RouteInfo[] => {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteInfo[] = [];
  const controllers = [...gw.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPaths = [Reflect.getMetadata(PATH_METADATA, metatype) as string | string[]].flat();
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (methodPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const targets = [handler as () => unknown, metatype];
      for (const base of controllerPaths) {
        routes.push({
          method,
          path: joinPath(base ?? '', methodPath),
          roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
          isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true,
          handler,
        });
      }
    }
  }
  return routes;
};

const PUBLIC_ROUTES = [
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /api/v1/openapi.json',
  'GET /api/v1/asyncapi.json',
  'GET /api/v1/asyncapi.yaml',
  'GET /docs',
  'GET /docs/:asset',
];

// The role table of the API (CONTRACT.md roles). A change here is a change of who may do what.
const ADMIN_OFFICER = ['ofm-admin', 'ofm-officer'];
const READERS = ['ofm-admin', 'ofm-officer', 'auditor', 'mission-user'];
const EXPECTED_ROLES: Record<string, string[]> = {
  'POST /api/v1/missions': ADMIN_OFFICER,
  'GET /api/v1/missions': READERS,
  'GET /api/v1/missions/:id': READERS,
  'POST /api/v1/missions/:id/status': ADMIN_OFFICER,
  'POST /api/v1/members': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/members': READERS,
  'GET /api/v1/members/:id': READERS,
  'POST /api/v1/members/:id/accreditation': ADMIN_OFFICER,
  'POST /api/v1/members/:id/termination': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/members/:id/changes': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/members/:id/promotion': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/members/:id/id-card/renewal': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/members/:id/id-card/loss': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/members/:id/returned-documents': ADMIN_OFFICER,
  'POST /api/v1/vehicles': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/vehicles': READERS,
  'GET /api/v1/vehicles/:id': READERS,
  'POST /api/v1/vehicles/:id/insurance': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/vehicles/:id/insurance': READERS,
  'GET /api/v1/vehicles/:id/insurance/:policyId': READERS,
  'POST /api/v1/vehicles/:id/insurance/:policyId/cancellation': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/vehicles/:id/registration/renewal': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/vehicles/:id/plate/loss': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/vehicles/:id/titles': [...ADMIN_OFFICER, 'mission-user'],
  'POST /api/v1/vehicles/:id/disposal': ADMIN_OFFICER,
  'GET /api/v1/insurance-reminders': READERS,
  'POST /api/v1/insurance-feeds': ADMIN_OFFICER,
  'GET /api/v1/insurance-feeds/:id': [...ADMIN_OFFICER, 'auditor'],
  'GET /api/v1/verify': ['law-enforcement', ...ADMIN_OFFICER],
  'POST /api/v1/licences': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/licences/:id': READERS,
  'POST /api/v1/licences/:id/violations': ADMIN_OFFICER,
  'POST /api/v1/travel-notifications': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/travel-notifications': READERS,
  'GET /api/v1/travel-notifications/:id': READERS,
  'POST /api/v1/travel-notifications/:id/decision': ADMIN_OFFICER,
  'GET /api/v1/tenure': READERS,
  'POST /api/v1/missions/:id/recertification': [...ADMIN_OFFICER, 'mission-user'],
  'GET /api/v1/countries/:iso2/reciprocity': READERS,
  'PUT /api/v1/countries/:iso2/reciprocity': ['ofm-admin'],
  'GET /api/v1/countries/:iso2/reciprocity/history': READERS,
  'GET /api/v1/reciprocity/measures': READERS,
  'POST /api/v1/countries/:iso2/agreements': ['ofm-admin'],
  'GET /api/v1/countries/:iso2/agreements': ADMIN_OFFICER,
  'GET /api/v1/agreements/:id': ADMIN_OFFICER,
  'POST /api/v1/agreements/:id/status': ['ofm-admin'],
  'GET /api/v1/flags': READERS,
};

describe('every route declares who may call it', () => {
  let gw: TestGateway;
  let routes: RouteInfo[];

  beforeAll(async () => {
    gw = await startTestGateway();
    routes = listRoutes(gw);
  });
  afterAll(() => gw.close());

  it('finds the routes of the app (health, metrics, docs and the API)', () => {
    expect(routes.length).toBe(PUBLIC_ROUTES.length + Object.keys(EXPECTED_ROLES).length);
  });

  it('has a non-empty roles declaration of known roles on every route but the public ones', () => {
    const missing = routes.filter(
      (r) => !PUBLIC_ROUTES.includes(`${r.method} ${r.path}`) && (!r.roles || r.roles.length === 0),
    );
    expect(missing).toEqual([]);
    for (const r of routes) for (const role of r.roles ?? []) expect(ROLES).toContain(role);
  });

  it('marks exactly health, metrics, the OpenAPI and AsyncAPI documents and the docs public', () => {
    const publicRoutes = routes.filter((r) => r.isPublic).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    for (const r of routes.filter((x) => x.isPublic)) expect(r.roles).toBeUndefined();
  });

  it('puts every non-public route under /api/v1', () => {
    for (const r of routes.filter((x) => !x.isPublic)) expect(r.path.startsWith('/api/v1/')).toBe(true);
  });

  it('grants each route the roles of the API role table', () => {
    const actual = Object.fromEntries(
      routes.filter((r) => r.roles).map((r) => [`${r.method} ${r.path}`, [...r.roles!].sort()]),
    );
    expect(actual).toEqual(Object.fromEntries(Object.entries(EXPECTED_ROLES).map(([k, v]) => [k, [...v].sort()])));
  });

  it('declares on every API route, with @ApiRoute, the same roles the guard reads and a request bound from proto', () => {
    const api = routes.filter((r) => !r.isPublic);
    for (const r of api) {
      const route = apiRouteOf(r.handler);
      const where = `${r.method} ${r.path}`;
      expect({ where, roles: route?.roles }).toEqual({ where, roles: r.roles });
      expect({ where, message: typeof route?.request?.message }).toEqual({ where, message: 'string' });
      // The request message exists in proto/ and its rules derive (an unknown rule would throw).
      expect(() => bindingSchemas(route!.request!)).not.toThrow();
      for (const field of Object.values(route!.request!.path ?? {})) {
        expect({ where, field, declared: field in bindingSchemas(route!.request!).fields }).toEqual({
          where,
          field,
          declared: true,
        });
      }
    }
    // The OpenAPI document is built from exactly these routes.
    expect(documentedRoutes(API_CONTROLLERS).length).toBe(api.length);
  });

  it('refuses (fail closed) an /api/v1 route that declares no roles, even to a valid token', async () => {
    const verifier = { verify: jest.fn(async () => ({ subject: 'admin-1', roles: ['ofm-admin'] as Role[] })) };
    const guard = new HttpAuthGuard(new Reflector(), verifier);
    class Undeclared {
      handle(): void {}
    }
    const contextFor = (url: string) =>
      ({
        getType: () => 'http',
        getHandler: () => Undeclared.prototype.handle,
        getClass: () => Undeclared,
        switchToHttp: () => ({
          getRequest: () => ({ url, headers: { authorization: 'Bearer a.b.c' } }),
          getResponse: () => ({ header: jest.fn() }),
        }),
      }) as unknown as ExecutionContext;
    await expect(guard.canActivate(contextFor('/api/v1/anything'))).rejects.toMatchObject({
      kind: 'forbidden',
      detail: 'This route declares no roles',
    });
    await expect(guard.canActivate(contextFor('/api/v1?x=1'))).rejects.toMatchObject({ kind: 'forbidden' });
    // Outside /api/v1 (health, metrics, documents) an undeclared route is public.
    await expect(guard.canActivate(contextFor('/health/live'))).resolves.toBe(true);
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it('answers 401 without a token on every API route (the guard runs before anything else)', async () => {
    for (const r of routes.filter((x) => !x.isPublic)) {
      const url = r.path
        .replace(':policyId', '9c3a1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b')
        .replace(':id', '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c');
      const res = await gw.request(r.method as 'GET' | 'POST', url, r.method === 'POST' ? { body: {} } : {});
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
    }
  });
});
