import { decideConfirmation, firstDueOn, isOverdue, nextDueOn } from './recertification.rules';

describe('due dates', () => {
  it('puts a new mission one cycle after its registration', () => {
    expect(firstDueOn('2026-12-01', 365)).toBe('2027-12-01');
    expect(firstDueOn('2027-03-01', 365)).toBe('2028-02-29'); // the cycle is days: a leap year shows
    expect(firstDueOn('2026-12-01', 30)).toBe('2026-12-31');
  });

  it('restarts the cycle from a confirmation, early or late', () => {
    expect(nextDueOn('2027-06-01', 365)).toBe('2028-05-31');
    expect(nextDueOn('2028-01-15', 90)).toBe('2028-04-14');
  });

  it('is overdue from the day after the due date', () => {
    expect(isOverdue('2027-12-01', '2027-11-30')).toBe(false);
    expect(isOverdue('2027-12-01', '2027-12-01')).toBe(false);
    expect(isOverdue('2027-12-01', '2027-12-02')).toBe(true);
  });
});

describe('decideConfirmation', () => {
  const serving = new Set(['a', 'b', 'c']);

  it('gives the count on record: the serving members less those said to have left', () => {
    expect(decideConfirmation({ confirmedMemberCount: 3, departedMemberIds: [] }, serving)).toEqual({
      ok: true,
      memberCountOnRecord: 3,
    });
    expect(decideConfirmation({ confirmedMemberCount: 2, departedMemberIds: ['b'] }, serving)).toEqual({
      ok: true,
      memberCountOnRecord: 2,
    });
    expect(decideConfirmation({ confirmedMemberCount: 0, departedMemberIds: [] }, new Set())).toEqual({
      ok: true,
      memberCountOnRecord: 0,
    });
  });

  it('records a count that differs from the record rather than refusing it', () => {
    expect(decideConfirmation({ confirmedMemberCount: 7, departedMemberIds: ['a'] }, serving)).toEqual({
      ok: true,
      memberCountOnRecord: 2,
    });
  });

  it('names every id that is not a serving member of the mission', () => {
    expect(decideConfirmation({ confirmedMemberCount: 1, departedMemberIds: ['a', 'x', 'y'] }, serving)).toEqual({
      ok: false,
      rule: 'recertification-departed-members',
      foreignIds: ['x', 'y'],
      message: 'Not serving members of the mission: x, y',
    });
  });
});
