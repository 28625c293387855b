import type { Actor } from '@ofm/platform';
import {
  appointmentProblems,
  isLateNotification,
  lateNotificationFlag,
  notificationDueBy,
  notificationRequired,
  notifiedMissionId,
} from './notification.rules';

const TODAY = '2026-06-15';
const OWN = '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('notification of appointment', () => {
  it('is due 30 days after arrival', () => {
    expect(notificationDueBy({ arrivalDate: '2026-01-20' })).toBe('2026-02-19');
  });

  it.each([
    ['on the day of arrival', '2026-01-20', false],
    ['on day 30', '2026-02-19', false],
    ['on day 31', '2026-02-20', true],
    ['a year later', '2027-01-20', true],
    ['before arrival', '2026-01-01', false],
  ])('received %s is late: %s', (_what, notifiedOn, late) => {
    expect(isLateNotification({ arrivalDate: '2026-01-20' }, notifiedOn)).toBe(late);
  });

  it('is not required for a stay under 90 days, so it is never late', () => {
    const stay = { arrivalDate: '2026-01-20', expectedDepartureDate: '2026-04-19' }; // 89 days
    expect(notificationRequired(stay)).toBe(false);
    expect(isLateNotification(stay, '2026-04-01')).toBe(false);
  });

  it('is required for a stay of exactly 90 days or with no expected departure', () => {
    expect(notificationRequired({ arrivalDate: '2026-01-20', expectedDepartureDate: '2026-04-20' })).toBe(true);
    expect(notificationRequired({ arrivalDate: '2026-01-20', expectedDepartureDate: null })).toBe(true);
    expect(notificationRequired({ arrivalDate: '2026-01-20' })).toBe(true);
  });
});

describe('the mission a notification is for', () => {
  const clerk: Actor = { subject: 'clerk', roles: ['mission-user'], missionId: OWN };
  const officer: Actor = { subject: 'officer', roles: ['ofm-officer'] };

  it('is a mission user’s own mission when the notification names none', () => {
    expect(notifiedMissionId(undefined, clerk)).toBe(OWN);
  });

  it('is the mission named, whoever names it (another mission is then not found for a mission user)', () => {
    expect(notifiedMissionId(OWN, clerk)).toBe(OWN);
    expect(notifiedMissionId(OTHER, clerk)).toBe(OTHER);
    expect(notifiedMissionId(OTHER, officer)).toBe(OTHER);
    expect(notifiedMissionId(OTHER.toUpperCase(), officer)).toBe(OTHER);
  });

  it('is none when an officer names none, or a mission user without a mission', () => {
    expect(notifiedMissionId(undefined, officer)).toBeUndefined();
    expect(notifiedMissionId(undefined, { subject: 'clerk', roles: ['mission-user'] })).toBeUndefined();
    // A caller with a role beyond mission-user sees every mission, so must say which one.
    expect(notifiedMissionId(undefined, { ...clerk, roles: ['mission-user', 'ofm-officer'] })).toBeUndefined();
  });
});

describe('appointmentProblems', () => {
  const principal = {
    category: 'diplomatic-agent',
    dateOfBirth: '1985-03-02',
    arrivalDate: '2026-05-01',
  };
  const spouse = { ...principal, category: 'dependent', principalId: OTHER, relationship: 'spouse' };
  const fields = (over: object) => appointmentProblems({ ...principal, ...over }, TODAY).map((p) => p.field);

  it('accepts a principal and a dependent naming its principal and relationship', () => {
    expect(appointmentProblems(principal, TODAY)).toEqual([]);
    expect(appointmentProblems(spouse, TODAY)).toEqual([]);
    expect(appointmentProblems({ ...principal, expectedDepartureDate: '2026-05-01' }, TODAY)).toEqual([]);
  });

  it('requires a principal and a relationship of a dependent', () => {
    expect(appointmentProblems({ ...principal, category: 'dependent' }, TODAY)).toEqual([
      { field: 'principalId', message: 'principalId is required for a dependent' },
      { field: 'relationship', message: 'relationship is required for a dependent' },
    ]);
    expect(fields({ category: 'dependent', principalId: OTHER })).toEqual(['relationship']);
  });

  it('refuses sameSexSpouse on anyone but a spouse', () => {
    const problem = [{ field: 'sameSexSpouse', message: 'sameSexSpouse applies only to a spouse' }];
    expect(appointmentProblems({ ...principal, sameSexSpouse: true }, TODAY)).toEqual(problem);
    expect(
      appointmentProblems(
        { ...principal, category: 'dependent', principalId: OTHER, relationship: 'child', sameSexSpouse: true },
        TODAY,
      ),
    ).toEqual(problem);
    expect(
      appointmentProblems(
        { ...principal, category: 'dependent', principalId: OTHER, relationship: 'spouse', sameSexSpouse: true },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses a principal or a relationship on anyone but a dependent', () => {
    expect(appointmentProblems({ ...principal, principalId: OTHER, relationship: 'spouse' }, TODAY)).toEqual([
      { field: 'principalId', message: 'principalId applies only to a dependent' },
      { field: 'relationship', message: 'relationship applies only to a dependent' },
    ]);
  });

  it.each([
    [{ dateOfBirth: '2026-06-16' }, ['dateOfBirth', 'arrivalDate']],
    [{ dateOfBirth: TODAY, arrivalDate: TODAY }, []],
    [{ arrivalDate: '1980-01-01' }, ['arrivalDate']],
    [{ expectedDepartureDate: '2026-04-30' }, ['expectedDepartureDate']],
  ])('checks the dates of %j', (over, expected) => {
    expect(fields(over)).toEqual(expected);
  });
});

describe('the late-notification flag', () => {
  it('concerns the member and their mission, and says how late the notification was', () => {
    const flag = lateNotificationFlag(
      { id: 'm-1', missionId: 'x-1', arrivalDate: '2026-01-01' },
      '2026-02-10',
      new Date('2026-02-10T15:00:00.000Z'),
    );
    expect(flag).toMatchObject({
      reasonCode: 'late-notification',
      program: 'accreditation',
      severity: 'medium',
      visibility: 'internal',
      raisedBy: 'accreditation',
      missionId: 'x-1',
      memberId: 'm-1',
      subjectType: 'member',
      subjectId: 'm-1',
      raisedAt: '2026-02-10T15:00:00.000Z',
      detail: 'notified on 2026-02-10, 40 days after arrival on 2026-01-01 (due within 30)',
    });
  });
});
