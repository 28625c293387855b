import { MISSION_STATUS, type MemberStatus, type MissionStatus } from '@ofm/contracts';
import {
  closureEffectiveDate,
  closureTerminations,
  decideStatusChange,
  isEndedByClosure,
  type ClosureMember,
} from './mission-status.rules';

describe('decideStatusChange', () => {
  // Every pair of statuses: the four allowed changes and their names; every other pair refused.
  const allowed: Record<string, string> = {
    'active→suspended': 'suspended',
    'suspended→active': 'reactivated',
    'active→closed': 'closed',
    'suspended→closed': 'closed',
  };
  const pairs = MISSION_STATUS.flatMap((from) =>
    MISSION_STATUS.map((to) => [from, to] as [MissionStatus, MissionStatus]),
  );

  it('covers the three statuses (nine pairs)', () => {
    expect(pairs).toHaveLength(9);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const decision = decideStatusChange(from, to);
    const change = allowed[`${from}→${to}`];
    if (change) expect(decision).toEqual({ ok: true, change });
    else expect(decision).toEqual({ ok: false, message: expect.any(String) });
  });

  it('names why a change is refused', () => {
    expect(decideStatusChange('closed', 'active')).toEqual({
      ok: false,
      message: 'A closed mission is closed for good: register it again',
    });
    expect(decideStatusChange('active', 'active')).toEqual({ ok: false, message: 'The mission is already active' });
    expect(decideStatusChange('suspended', 'suspended')).toEqual({
      ok: false,
      message: 'The mission is already suspended',
    });
  });
});

describe('isEndedByClosure', () => {
  it.each<[MemberStatus, boolean]>([
    ['notified', true],
    ['accredited', true],
    ['refused', false],
    ['terminated', false],
  ])('%s: %s', (status, ended) => expect(isEndedByClosure(status)).toBe(ended));
});

describe('closureTerminations', () => {
  const member = (id: string, over: Partial<ClosureMember> = {}): ClosureMember => ({
    id,
    category: 'diplomatic-agent',
    status: 'accredited',
    ...over,
  });
  const ids = (members: ClosureMember[]) => closureTerminations(members).map((t) => [t.member.id, t.principalId]);

  it('ends each principal, then its dependents, who name it', () => {
    expect(
      ids([
        member('child-of-a', { category: 'dependent', principalId: 'a', status: 'notified' }),
        member('a'),
        member('b', { category: 'administrative-technical', status: 'notified' }),
        member('spouse-of-a', { category: 'dependent', principalId: 'a' }),
        member('spouse-of-b', { category: 'dependent', principalId: 'b' }),
      ]),
    ).toEqual([
      ['a', ''],
      ['child-of-a', 'a'],
      ['spouse-of-a', 'a'],
      ['b', ''],
      ['spouse-of-b', 'b'],
    ]);
  });

  it('leaves refused and terminated members as they are', () => {
    expect(
      ids([
        member('refused', { status: 'refused' }),
        member('gone', { status: 'terminated' }),
        member('gone-spouse', { category: 'dependent', principalId: 'gone', status: 'terminated' }),
      ]),
    ).toEqual([]);
  });

  it('still ends a dependent whose principal was refused or terminated before, naming no principal', () => {
    expect(
      ids([
        member('refused', { status: 'refused' }),
        member('spouse', { category: 'dependent', principalId: 'refused' }),
      ]),
    ).toEqual([['spouse', '']]);
  });

  it('ends nothing at a mission without members', () => {
    expect(closureTerminations([])).toEqual([]);
  });
});

describe('closureEffectiveDate', () => {
  it('is the day of closing, or a later arrival', () => {
    expect(closureEffectiveDate('2026-12-01', '2026-11-30')).toBe('2026-12-01');
    expect(closureEffectiveDate('2026-12-01', '2026-12-01')).toBe('2026-12-01');
    expect(closureEffectiveDate('2026-12-01', '2026-12-02')).toBe('2026-12-02');
  });
});
