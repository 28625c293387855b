import type { MemberStatus } from '@ofm/contracts';
import {
  isServing,
  longTenureAction,
  missionTenure,
  tenureOf,
  wholeYearsBetween,
  yearsInPost,
  type TenureFacts,
} from './tenure.rules';

const limits = { 'administrative-technical': 5, 'service-staff': 5 } as const;
const member = (over: Partial<TenureFacts> = {}): TenureFacts => ({
  category: 'administrative-technical',
  status: 'accredited',
  arrivalDate: '2021-06-15',
  ...over,
});

describe('wholeYearsBetween', () => {
  it.each([
    ['2021-06-15', '2021-06-15', 0],
    ['2021-06-15', '2022-06-14', 0],
    ['2021-06-15', '2022-06-15', 1],
    ['2021-06-15', '2026-06-14', 4], // the day before the 5th anniversary
    ['2021-06-15', '2026-06-15', 5], // the 5th anniversary
    ['2021-06-15', '2026-06-16', 5],
    ['2021-12-31', '2026-12-30', 4],
    ['2021-12-31', '2026-12-31', 5],
    ['2026-06-15', '2021-06-15', 0], // arrival still ahead
  ])('%s → %s: %s', (arrival, until, years) => expect(wholeYearsBetween(arrival, until)).toBe(years));

  it('gives an arrival on 29 February its anniversary on 1 March in a common year', () => {
    expect(wholeYearsBetween('2020-02-29', '2025-02-28')).toBe(4);
    expect(wholeYearsBetween('2020-02-29', '2025-03-01')).toBe(5);
    expect(wholeYearsBetween('2020-02-29', '2024-02-28')).toBe(3);
    expect(wholeYearsBetween('2020-02-29', '2024-02-29')).toBe(4); // a leap year has the day itself
  });

  it('counts an arrival on 28 February of a leap year on 28 February', () => {
    expect(wholeYearsBetween('2024-02-28', '2029-02-27')).toBe(4);
    expect(wholeYearsBetween('2024-02-28', '2029-02-28')).toBe(5);
  });
});

describe('yearsInPost', () => {
  it('runs to today while the member serves', () => {
    expect(yearsInPost(member(), '2026-06-15')).toBe(5);
    expect(yearsInPost(member({ status: 'notified' }), '2026-06-15')).toBe(5);
  });

  it('stops at the termination’s effective date', () => {
    const gone = member({ status: 'terminated', terminationEffectiveDate: '2024-06-14' });
    expect(yearsInPost(gone, '2030-01-01')).toBe(2);
  });

  it('stops at today for a termination effective later', () => {
    expect(yearsInPost(member({ status: 'terminated', terminationEffectiveDate: '2027-01-01' }), '2026-06-15')).toBe(5);
  });

  it('is 0 for a refused appointment and before the arrival', () => {
    expect(yearsInPost(member({ status: 'refused' }), '2030-01-01')).toBe(0);
    expect(yearsInPost(member({ arrivalDate: '2026-07-01' }), '2026-06-15')).toBe(0);
  });
});

describe('isServing', () => {
  it.each<[MemberStatus, boolean]>([
    ['notified', true],
    ['accredited', true],
    ['refused', false],
    ['terminated', false],
  ])('%s: %s', (status, serving) => expect(isServing(status)).toBe(serving));
});

describe('tenureOf', () => {
  it('is past the limit from the 5th anniversary, not the day before', () => {
    expect(tenureOf(member(), limits, '2026-06-14')).toEqual({ yearsInPost: 4, limitYears: 5, pastLimit: false });
    expect(tenureOf(member(), limits, '2026-06-15')).toEqual({ yearsInPost: 5, limitYears: 5, pastLimit: true });
  });

  it('has no limit for a diplomatic agent by default', () => {
    expect(tenureOf(member({ category: 'diplomatic-agent' }), limits, '2040-01-01')).toEqual({
      yearsInPost: 18,
      pastLimit: false,
    });
  });

  it('is never past the limit once terminated or refused', () => {
    const terminated = member({ status: 'terminated', terminationEffectiveDate: '2027-01-01' });
    expect(tenureOf(terminated, limits, '2028-01-01').pastLimit).toBe(false);
    expect(tenureOf(member({ status: 'refused' }), limits, '2028-01-01').pastLimit).toBe(false);
  });

  it('follows a changed limit', () => {
    expect(tenureOf(member(), { 'administrative-technical': 7 }, '2026-06-15').pastLimit).toBe(false);
    expect(tenureOf(member(), {}, '2026-06-15')).toEqual({ yearsInPost: 5, pastLimit: false });
  });
});

describe('missionTenure', () => {
  it('counts, averages (one decimal), takes the maximum and counts those past the limit', () => {
    expect(
      missionTenure([
        { yearsInPost: 6, limitYears: 5, pastLimit: true },
        { yearsInPost: 1, pastLimit: false },
        { yearsInPost: 0, limitYears: 5, pastLimit: false },
      ]),
    ).toEqual({ memberCount: 3, meanYearsInPost: 2.3, maxYearsInPost: 6, pastLimitCount: 1 });
  });

  it('is all zeros without members', () => {
    expect(missionTenure([])).toEqual({ memberCount: 0, meanYearsInPost: 0, maxYearsInPost: 0, pastLimitCount: 0 });
  });
});

describe('longTenureAction', () => {
  it.each([
    [true, false, 'raise'],
    [true, true, 'none'],
    [false, true, 'clear'],
    [false, false, 'none'],
  ] as const)('past %s, flag raised %s: %s', (past, raised, action) =>
    expect(longTenureAction(past, raised)).toBe(action),
  );
});
