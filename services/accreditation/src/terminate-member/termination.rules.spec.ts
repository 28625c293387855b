import {
  departureDueBy,
  dependentsToTerminate,
  documentsToReturn,
  immunityEndsOn,
  isTerminable,
  terminationProblems,
} from './termination.rules';

describe('termination', () => {
  it('ends immunity 30 days after the effective date when no departure is known', () => {
    expect(immunityEndsOn('2026-03-01')).toBe('2026-03-31');
    expect(immunityEndsOn('2026-03-01', null)).toBe('2026-03-31');
  });

  it('ends immunity at departure when the person leaves earlier', () => {
    expect(immunityEndsOn('2026-03-01', '2026-03-10')).toBe('2026-03-10');
  });

  it('ends immunity 30 days after the effective date when the person leaves later', () => {
    expect(immunityEndsOn('2026-03-01', '2026-05-01')).toBe('2026-03-31');
  });

  // Days of OFM's calendar (America/New_York), across the March change to daylight time.
  it('ends immunity 60 days after the effective date on the extension, at departure if earlier', () => {
    expect(immunityEndsOn('2026-03-01', null, true)).toBe('2026-04-30');
    expect(immunityEndsOn('2026-03-01', '2026-04-29', true)).toBe('2026-04-29');
    expect(immunityEndsOn('2026-03-01', '2026-04-30', true)).toBe('2026-04-30');
    expect(immunityEndsOn('2026-03-01', '2026-05-01', true)).toBe('2026-04-30');
  });

  it('without the extension, a departure on day 31 or 59 still ends immunity on day 30', () => {
    expect(immunityEndsOn('2026-03-01', '2026-03-30', false)).toBe('2026-03-30');
    expect(immunityEndsOn('2026-03-01', '2026-03-31', false)).toBe('2026-03-31');
    expect(immunityEndsOn('2026-03-01', '2026-04-01', false)).toBe('2026-03-31');
    expect(immunityEndsOn('2026-03-01', '2026-04-29', false)).toBe('2026-03-31');
  });

  it('counts calendar days over a month and year end, and a leap day', () => {
    expect(immunityEndsOn('2026-12-15', null, true)).toBe('2027-02-13');
    expect(immunityEndsOn('2028-01-31', null, false)).toBe('2028-03-01');
    expect(immunityEndsOn('2028-01-31', null, true)).toBe('2028-03-31');
  });

  it('gives 30 days to leave, 60 on an advance request', () => {
    expect(departureDueBy('2026-03-01')).toBe('2026-03-31');
    expect(departureDueBy('2026-03-01', true)).toBe('2026-04-30');
  });

  it.each([
    ['notified', true],
    ['accredited', true],
    ['refused', true],
    ['terminated', false],
  ] as const)('a %s member is terminable: %s', (status, ok) => expect(isTerminable(status)).toBe(ok));

  it('terminates every dependent not already terminated', () => {
    const deps = [
      { id: 'a', status: 'accredited' as const },
      { id: 'b', status: 'terminated' as const },
      { id: 'c', status: 'notified' as const },
      { id: 'd', status: 'refused' as const },
    ];
    expect(dependentsToTerminate(deps).map((d) => d.id)).toEqual(['a', 'c', 'd']);
  });

  it('tracks the ID card as an open item due when the person must have left', () => {
    expect(documentsToReturn({ idCard: { number: 'D000000123' } }, '2026-03-01')).toEqual([
      { document: 'id-card', reference: 'D000000123', dueOn: '2026-03-31' },
    ]);
  });

  it('makes the ID card due at 60 days on the extension', () => {
    expect(documentsToReturn({ idCard: { number: 'D000000123' } }, '2026-03-01', true)).toEqual([
      { document: 'id-card', reference: 'D000000123', dueOn: '2026-04-30' },
    ]);
    expect(documentsToReturn({ idCard: { number: 'D000000123' } }, '2026-03-01', false)[0]?.dueOn).toBe('2026-03-31');
  });

  it('has nothing to return when no card was issued', () => {
    expect(documentsToReturn({ idCard: { number: null } }, '2026-03-01')).toEqual([]);
    expect(documentsToReturn({}, '2026-03-01')).toEqual([]);
  });

  it('accepts an effective date and a departure on or after the arrival', () => {
    expect(terminationProblems({ effectiveDate: '2026-05-01' }, '2026-05-01')).toEqual([]);
    expect(terminationProblems({ effectiveDate: '2026-07-01', departureDate: '2026-05-01' }, '2026-05-01')).toEqual([]);
  });

  it('refuses an effective date or a departure before the arrival, naming each', () => {
    expect(terminationProblems({ effectiveDate: '2026-04-01', departureDate: '2026-04-02' }, '2026-05-01')).toEqual([
      { field: 'effectiveDate', message: 'effectiveDate must not be before the arrival date' },
      { field: 'departureDate', message: 'departureDate must not be before the arrival date' },
    ]);
  });
});
