import { clearedLapseFlag, disposalDueFlag, insuranceLapseFlag } from './flag.factory';

const vehicle = { id: 'v-1', missionId: 'x-1' };
const at = new Date('2026-01-02T03:04:05.000Z');

describe('vehicle flags', () => {
  it('raises disposal-due as a medium, internal flag on the vehicle', () => {
    expect(disposalDueFlag(vehicle, at, 'owner terminated')).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      subjectType: 'vehicle',
      subjectId: 'v-1',
      missionId: 'x-1',
      reasonCode: 'disposal-due',
      program: 'vehicles',
      severity: 'medium',
      raisedBy: 'vehicles',
      visibility: 'internal',
      raisedAt: '2026-01-02T03:04:05.000Z',
      clearedAt: '',
      detail: 'owner terminated',
    });
  });

  it('raises insurance-lapse as a high flag partners may see', () => {
    expect(insuranceLapseFlag(vehicle, at, 'lapsed')).toMatchObject({
      reasonCode: 'insurance-lapse',
      severity: 'high',
      visibility: 'partner',
      subjectId: 'v-1',
    });
  });

  it('names the owning member, when a person owns the vehicle', () => {
    expect(disposalDueFlag({ ...vehicle, ownerMemberId: 'm-1' }, at, '')).toMatchObject({ memberId: 'm-1' });
    expect(disposalDueFlag(vehicle, at, '')).not.toHaveProperty('memberId');
  });

  it('gives every raised flag its own id', () => {
    expect(disposalDueFlag(vehicle, at, '').id).not.toBe(disposalDueFlag(vehicle, at, '').id);
  });

  it('clears the lapse flag under its original id', () => {
    expect(clearedLapseFlag(vehicle, 'f-1', at)).toMatchObject({
      id: 'f-1',
      reasonCode: 'insurance-lapse',
      clearedAt: '2026-01-02T03:04:05.000Z',
    });
  });
});
