import { accreditation, missions } from '@ofm/contracts';
import { toMessage } from './message.util';

describe('toMessage', () => {
  const createdAt = new Date('2026-06-15T10:11:12.345Z');

  it('reads a row as its message by name: null is an absent optional field, a timestamp its ISO string', () => {
    const m = toMessage(accreditation.Member, {
      id: 'm-1',
      givenName: 'Claire',
      title: null,
      weeklyHours: null,
      principalId: null,
      immunityLevel: 'full',
      lateNotification: false,
      createdAt,
      updatedAt: createdAt,
    });
    expect(m).toMatchObject({
      id: 'm-1',
      givenName: 'Claire',
      immunityLevel: 'full',
      createdAt: createdAt.toISOString(),
    });
    expect(m.title).toBeUndefined();
    expect(m.weeklyHours).toBeUndefined();
    expect(m.principalId).toBeUndefined();
    // A plain field left out takes its proto3 default.
    expect(m.familyName).toBe('');
    expect(m.failedCriteria).toEqual([]);
  });

  it('keeps a present zero and false: only null is absent', () => {
    const m = toMessage(accreditation.Member, { weeklyHours: 0, transferPolicyAttested: false });
    expect(m.weeklyHours).toBe(0);
    expect(m.transferPolicyAttested).toBe(false);
  });

  it('reads an embedded group of null columns as an absent message, and nests one that holds values', () => {
    expect(
      toMessage(accreditation.Member, { idCard: { number: null, color: null, expiresOn: null } }).idCard,
    ).toBeUndefined();
    expect(
      toMessage(accreditation.Member, { idCard: { number: 'D000000001', color: 'blue', expiresOn: '2029-06-15' } })
        .idCard,
    ).toEqual({ number: 'D000000001', color: 'blue', expiresOn: '2029-06-15' });
    const mission = toMessage(missions.Mission, {
      address: { line1: 'x', city: 'y', state: 'DC', postalCode: '20007' },
    });
    expect(mission.address).toEqual({ line1: 'x', city: 'y', state: 'DC', postalCode: '20007' });
    expect(mission.location).toBeUndefined();
  });

  it('drops what the message does not have', () => {
    const m = toMessage(accreditation.Member, {
      decidedOn: '2026-06-15',
      openItems: [
        {
          id: 'i-1',
          memberId: 'm-1',
          document: 'id-card',
          reference: 'D1',
          dueOn: '2026-07-15',
          status: 'open',
          createdAt,
        },
      ],
    });
    expect(m).not.toHaveProperty('decidedOn');
    expect(m.openItems).toEqual([{ document: 'id-card', reference: 'D1', dueOn: '2026-07-15', status: 'open' }]);
  });
});
