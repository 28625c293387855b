import { canSeeMission, missionRestriction, MISSION_USER, type ScopedActor } from './mission-scope';

// The roles of @ofm/platform's Actor; the rule reads only whether a role is mission-user.
const OTHER_ROLES = ['ofm-admin', 'ofm-officer', 'law-enforcement', 'auditor'];
const M1 = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const M2 = '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const actor = (roles: string[], missionId?: string): ScopedActor => (missionId ? { roles, missionId } : { roles });

describe('canSeeMission', () => {
  it('lets a mission user see its own mission only', () => {
    expect(MISSION_USER).toBe('mission-user');
    expect(canSeeMission(actor(['mission-user'], M1), M1)).toBe(true);
    expect(canSeeMission(actor(['mission-user'], M1), M2)).toBe(false);
  });

  it('compares ids in lower case', () => {
    expect(canSeeMission(actor(['mission-user'], M1.toUpperCase()), M1)).toBe(true);
    expect(canSeeMission(actor(['mission-user'], M1), M1.toUpperCase())).toBe(true);
  });

  it('lets a mission user without a mission see nothing, even a mission named empty', () => {
    expect(canSeeMission(actor(['mission-user']), M1)).toBe(false);
    expect(canSeeMission({ roles: ['mission-user'], missionId: '' }, '')).toBe(false);
    expect(canSeeMission(actor(['mission-user'], M1), '')).toBe(false);
  });

  it.each(OTHER_ROLES)('lets %s see every mission', (role) => {
    expect(canSeeMission(actor([role]), M1)).toBe(true);
    expect(canSeeMission(actor([role], M2), M1)).toBe(true);
  });

  it('does not narrow an actor that also holds another role', () => {
    expect(canSeeMission(actor(['mission-user', 'auditor'], M2), M1)).toBe(true);
  });

  it('lets an actor without roles see nothing', () => {
    expect(canSeeMission(actor([]), M1)).toBe(false);
    expect(canSeeMission(actor([], M1), M1)).toBe(false);
  });
});

describe('missionRestriction', () => {
  it('narrows a mission user’s lists to its own mission, in lower case', () => {
    expect(missionRestriction(actor(['mission-user'], M1))).toBe(M1);
    expect(missionRestriction(actor(['mission-user'], M1.toUpperCase()))).toBe(M1);
  });

  it('empties the lists of an actor who sees no mission', () => {
    expect(missionRestriction(actor(['mission-user']))).toBeNull();
    expect(missionRestriction({ roles: ['mission-user'], missionId: '' })).toBeNull();
    expect(missionRestriction(actor([]))).toBeNull();
    expect(missionRestriction(actor([], M1))).toBeNull();
  });

  it.each(OTHER_ROLES)('does not narrow %s', (role) => {
    expect(missionRestriction(actor([role]))).toBeUndefined();
    expect(missionRestriction(actor([role, 'mission-user'], M1))).toBeUndefined();
  });

  // The two questions must never disagree: a list holds a mission exactly when its reads are allowed.
  it.each([
    [['mission-user'], M1],
    [['mission-user'], undefined],
    [[], M1],
    [['auditor'], undefined],
    [['mission-user', 'ofm-officer'], M2],
  ] as [string[], string | undefined][])('agrees with canSeeMission for %j of %s', (roles, missionId) => {
    const a = actor(roles, missionId);
    const restriction = missionRestriction(a);
    for (const mission of [M1, M2]) {
      const listed = restriction === undefined || restriction === mission;
      expect(listed).toBe(canSeeMission(a, mission));
    }
  });
});
