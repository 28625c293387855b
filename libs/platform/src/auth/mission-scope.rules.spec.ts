import { ROLES, type Actor } from './actor';
import { canSeeMission, missionRestriction } from './mission-scope.rules';

// The rule itself is tested in @ofm/kernel; this proves the platform's Actor and roles fit it.
describe('mission scope of an Actor', () => {
  const missionUser: Actor = { subject: 'u', roles: ['mission-user'], missionId: 'm-1' };

  it('lets a mission user see its own mission only', () => {
    expect(canSeeMission(missionUser, 'm-1')).toBe(true);
    expect(canSeeMission(missionUser, 'm-2')).toBe(false);
    expect(missionRestriction(missionUser)).toBe('m-1');
  });

  it.each(ROLES.filter((role) => role !== 'mission-user').map((role) => [role]))(
    'lets %s see every mission',
    (role) => {
      const actor: Actor = { subject: 'u', roles: [role], missionId: 'm-2' };
      expect(canSeeMission(actor, 'm-1')).toBe(true);
      expect(missionRestriction(actor)).toBeUndefined();
    },
  );
});
