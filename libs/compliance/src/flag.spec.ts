import { EVENT_TYPES, FLAG_PROGRAM, FLAG_SEVERITY, FLAG_VISIBILITY } from '@ofm/contracts';
import { FLAG_CODES, FLAG_REASONS, flagReason, isFlagCode } from './flag-reasons';
import { clearFlag, raiseFlag } from './flag';
import { flagCleared, flagRaised } from './flag-events';

const at = new Date('2026-01-02T03:04:05.000Z');

describe('FLAG_REASONS', () => {
  it('holds every code the programs raise, the vehicles codes kept as they were emitted', () => {
    expect(FLAG_CODES).toEqual([
      'late-notification',
      'long-tenure',
      'recertification-overdue',
      'documents-not-returned',
      'travel-notice-late',
      'travel-without-notice',
      'insurance-lapse',
      'disposal-due',
      'points-threshold',
      'unpaid-fines',
      'serious-offence',
    ]);
  });

  it('uses only the words of the proto vocabulary', () => {
    for (const reason of Object.values(FLAG_REASONS)) {
      expect(FLAG_PROGRAM).toContain(reason.program);
      expect(FLAG_SEVERITY).toContain(reason.severity);
      expect(FLAG_VISIBILITY).toContain(reason.visibility);
      expect(reason.summary.length).toBeGreaterThan(10);
    }
  });

  it('knows its codes and no other', () => {
    expect(isFlagCode('late-notification')).toBe(true);
    expect(isFlagCode('toString')).toBe(false);
    expect(flagReason('insurance-lapse')).toMatchObject({ program: 'vehicles', visibility: 'partner' });
    expect(flagReason('nope')).toBeUndefined();
  });
});

describe('raiseFlag', () => {
  const input = {
    code: 'late-notification' as const,
    raisedBy: 'accreditation',
    missionId: 'x-1',
    memberId: 'm-1',
    subjectType: 'member' as const,
    subjectId: 'm-1',
    detail: 'notified 40 days after arrival',
    at,
  };

  it('takes program, severity and visibility from the reason code', () => {
    expect(raiseFlag(input)).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      subjectType: 'member',
      subjectId: 'm-1',
      missionId: 'x-1',
      memberId: 'm-1',
      reasonCode: 'late-notification',
      program: 'accreditation',
      severity: 'medium',
      visibility: 'internal',
      raisedBy: 'accreditation',
      raisedAt: '2026-01-02T03:04:05.000Z',
      clearedAt: '',
      detail: 'notified 40 days after arrival',
    });
  });

  it('gives every flag its own id and leaves memberId out when no person is concerned', () => {
    const { memberId: _, ...onVehicle } = input;
    const a = raiseFlag({ ...onVehicle, code: 'disposal-due', subjectType: 'vehicle', subjectId: 'v-1' });
    expect(a).not.toHaveProperty('memberId');
    expect(a.id).not.toBe(raiseFlag(input).id);
  });
});

describe('clearFlag', () => {
  it('closes the flag under its id, with no raise time of its own', () => {
    const flag = clearFlag(
      {
        id: 'f-1',
        reasonCode: 'insurance-lapse',
        raisedBy: 'vehicles',
        subjectType: 'vehicle',
        subjectId: 'v-1',
        missionId: 'x-1',
      },
      at,
    );
    expect(flag).toMatchObject({
      id: 'f-1',
      program: 'vehicles',
      severity: 'high',
      raisedAt: '',
      clearedAt: '2026-01-02T03:04:05.000Z',
      detail: '',
    });
  });
});

describe('flag events', () => {
  const flag = raiseFlag({
    code: 'insurance-lapse',
    raisedBy: 'vehicles',
    missionId: 'x-1',
    subjectType: 'vehicle',
    subjectId: 'v-1',
    detail: '',
    at,
  });

  it('raises on the flag topic, keyed by the flag id', () => {
    expect(flagRaised(flag)).toEqual({ type: EVENT_TYPES.flagRaised, subject: flag.id, data: { flag } });
    expect(EVENT_TYPES.flagRaised.topic).toBe('ofm.compliance.flag.v1');
  });

  it('clears with a reason', () => {
    expect(flagCleared(flag, 'insurance recorded')).toEqual({
      type: EVENT_TYPES.flagCleared,
      subject: flag.id,
      data: { flag, reason: 'insurance recorded' },
    });
  });
});
