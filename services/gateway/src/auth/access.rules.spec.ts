import type { Actor } from '@ofm/platform';
import { bearerToken, decideAccess, isApiPath } from './access.rules';

const actor = (roles: Actor['roles'], missionId?: string): Actor => ({
  subject: 's',
  roles,
  ...(missionId ? { missionId } : {}),
});

describe('decideAccess', () => {
  it.each([
    [['ofm-admin'], ['ofm-admin', 'ofm-officer'], true],
    [['ofm-officer'], ['ofm-admin', 'ofm-officer'], true],
    [['auditor'], ['ofm-admin', 'ofm-officer'], false],
    [['law-enforcement'], ['law-enforcement', 'ofm-admin'], true],
    [[], ['auditor'], false],
    [['auditor', 'law-enforcement'], ['law-enforcement'], true],
  ] as [Actor['roles'], Actor['roles'], boolean][])('%j on a route for %j → allowed %s', (roles, route, allowed) => {
    expect(decideAccess(actor(roles), route).allowed).toBe(allowed);
  });

  it('names the roles the route needs when it refuses', () => {
    expect(decideAccess(actor(['auditor']), ['ofm-admin', 'ofm-officer'])).toEqual({
      allowed: false,
      detail: 'This operation needs one of the roles: ofm-admin, ofm-officer',
    });
  });

  it('refuses a mission user without mission_id, unless another granted role carries the call', () => {
    expect(decideAccess(actor(['mission-user']), ['mission-user'])).toMatchObject({
      allowed: false,
      detail: expect.stringContaining('mission_id'),
    });
    expect(decideAccess(actor(['mission-user'], 'm-1'), ['mission-user']).allowed).toBe(true);
    expect(decideAccess(actor(['mission-user', 'auditor']), ['mission-user', 'auditor']).allowed).toBe(true);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi ', 'abc.def.ghi'],
    ['BEARER  a-b_c.d~e+f/g=', 'a-b_c.d~e+f/g='],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Token abc'])(
    'finds no token in %j',
    (header) => {
      expect(bearerToken(header)).toBeUndefined();
    },
  );

  it('ignores repeated Authorization headers', () => {
    expect(bearerToken(['Bearer a', 'Bearer b'])).toBeUndefined();
  });
});

describe('isApiPath', () => {
  it.each([
    ['/api/v1', true],
    ['/api/v1/missions', true],
    ['/api/v1?x=1', true],
    ['/api/v10/missions', false],
    ['/health/ready', false],
    ['/metrics', false],
    ['/docs', false],
  ])('%s → %s', (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
  });
});
