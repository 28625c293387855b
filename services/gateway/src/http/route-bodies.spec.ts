import type { ApiRouteOptions } from './api-route.decorator';
import { routeBody } from './route-bodies';

const route = (extra: Partial<ApiRouteOptions>): ApiRouteOptions => ({ summary: 's', roles: [], tag: 't', ...extra });
const limits = { json: 65_536, csv: 8_388_608 };

describe('routeBody', () => {
  it('takes JSON up to the JSON limit by default', () => {
    expect(routeBody(route({}), limits)).toEqual({ contentTypes: ['application/json'], bodyLimit: 65_536 });
  });

  it('takes CSV, with the CSV limit, on a csv route (the insurer feed)', () => {
    expect(routeBody(route({ csv: true }), limits)).toEqual({ contentTypes: ['text/csv'], bodyLimit: 8_388_608 });
  });

  it("keeps a route's own body limit", () => {
    expect(routeBody(route({ bodyLimit: 1_024 }), limits).bodyLimit).toBe(1_024);
  });
});
