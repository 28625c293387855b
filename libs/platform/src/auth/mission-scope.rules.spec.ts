import { ROLES, type Role } from './actor';
import { canSeeMission } from './mission-scope.rules';

describe('canSeeMission', () => {
  it('lets a mission user see its own mission only', () => {
    const actor = { subject: 'u', roles: ['mission-user' as Role], missionId: 'm-1' };
    expect(canSeeMission(actor, 'm-1')).toBe(true);
    expect(canSeeMission(actor, 'm-2')).toBe(false);
  });

  it('lets a mission user without a mission see nothing', () => {
    expect(canSeeMission({ subject: 'u', roles: ['mission-user'] }, 'm-1')).toBe(false);
  });

  it.each(ROLES.filter((role) => role !== 'mission-user').map((role) => [role]))(
    'lets %s see every mission',
    (role) => {
      expect(canSeeMission({ subject: 'u', roles: [role] }, 'm-1')).toBe(true);
      expect(canSeeMission({ subject: 'u', roles: [role], missionId: 'm-2' }, 'm-1')).toBe(true);
    },
  );

  it('does not narrow an actor that also holds another role', () => {
    expect(canSeeMission({ subject: 'u', roles: ['mission-user', 'auditor'], missionId: 'm-2' }, 'm-1')).toBe(true);
  });

  it('lets an actor without roles see nothing', () => {
    expect(canSeeMission({ subject: 'u', roles: [] }, 'm-1')).toBe(false);
  });
});
