import { lossProblems, renewalProblems } from './id-card.lifecycle.rules';

const holder = { status: 'accredited' as const, idCard: { number: 'D000000001', expiresOn: '2026-12-31' } };

describe('renewalProblems', () => {
  it('renews when the new expiry is later than the current one, even by a day', () => {
    expect(renewalProblems(holder, '2027-01-01')).toEqual([]);
    expect(renewalProblems(holder, '2029-12-01')).toEqual([]);
  });

  it('refuses a renewal that would not extend the card, on the same day included', () => {
    for (const day of ['2026-12-31', '2026-06-01']) {
      expect(renewalProblems(holder, day)).toEqual([
        {
          field: 'visaExpiresOn',
          message: `A renewal today would expire on ${day}, not after the card's 2026-12-31 (the visa, the expected departure or a child's eligibility ends it)`,
        },
      ]);
    }
  });

  it.each(['notified', 'refused', 'terminated'] as const)('refuses a %s member', (status) => {
    expect(renewalProblems({ ...holder, status }, '2029-01-01')).toEqual([
      { field: 'id', message: `Only an accredited member holds an ID card (the member is ${status})` },
    ]);
  });

  it('refuses an accredited member who holds no card', () => {
    const problem = [{ field: 'id', message: 'The member holds no ID card' }];
    expect(renewalProblems({ status: 'accredited', idCard: { number: null, expiresOn: null } }, '2029-01-01')).toEqual(
      problem,
    );
    expect(renewalProblems({ status: 'accredited' }, '2029-01-01')).toEqual(problem);
  });
});

describe('lossProblems', () => {
  it('takes a report of today or earlier', () => {
    expect(lossProblems(holder, '2026-06-15', '2026-06-15')).toEqual([]);
    expect(lossProblems(holder, '2026-01-02', '2026-06-15')).toEqual([]);
  });

  it('names a report dated tomorrow and a member without a card', () => {
    expect(lossProblems({ status: 'accredited' }, '2026-06-16', '2026-06-15')).toEqual([
      { field: 'id', message: 'The member holds no ID card' },
      { field: 'reportedOn', message: 'reportedOn must not be in the future' },
    ]);
  });
});
