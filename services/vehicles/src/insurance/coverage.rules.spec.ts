import {
  assessPolicy,
  binderShortfall,
  coverageShortfalls,
  coverageEnd,
  covers,
  insuranceRequired,
  isInsured,
  lapsedOn,
  policyTermErrors,
  type PolicyTerms,
  suspendingLapse,
} from './coverage.rules';

const usd = (amount: string) => ({ amount, currency: 'USD' });

const split = (perPerson: string, perAccident: string, propertyDamage: string) => ({
  bodilyInjuryPerPerson: usd(perPerson),
  bodilyInjuryPerAccident: usd(perAccident),
  propertyDamage: usd(propertyDamage),
});

const terms = (overrides: Partial<PolicyTerms> = {}): PolicyTerms => ({
  insurer: 'Acme Mutual',
  policyNumber: 'P-1',
  effectiveDate: '2025-01-01',
  expirationDate: '2026-01-01',
  combinedSingleLimit: usd('300000.00'),
  ...overrides,
});

describe('coverage minimums', () => {
  it('a car needs a combined single limit of 300000.00 USD', () => {
    expect(coverageShortfalls('car', { combinedSingleLimit: usd('300000.00') })).toEqual([]);
    expect(coverageShortfalls('car', { combinedSingleLimit: usd('1000000') })).toEqual([]);
    expect(coverageShortfalls('car', { combinedSingleLimit: usd('299999.99') })).toEqual([
      { field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD for a car' },
    ]);
  });

  it('a car accepts split limits of 100000/300000/100000', () => {
    expect(coverageShortfalls('car', split('100000.00', '300000.00', '100000.00'))).toEqual([]);
  });

  it('names every split limit below the car minimum', () => {
    expect(coverageShortfalls('car', split('99999.99', '250000.00', '50000.00'))).toEqual([
      { field: 'bodilyInjuryPerPerson', message: 'must be at least 100000.00 USD for a car' },
      { field: 'bodilyInjuryPerAccident', message: 'must be at least 300000.00 USD for a car' },
      { field: 'propertyDamage', message: 'must be at least 100000.00 USD for a car' },
    ]);
    expect(coverageShortfalls('car', split('100000.00', '299999.99', '100000.00'))).toEqual([
      { field: 'bodilyInjuryPerAccident', message: 'must be at least 300000.00 USD for a car' },
    ]);
  });

  it('a motorcycle needs 100000/300000/50000', () => {
    expect(coverageShortfalls('motorcycle', split('100000.00', '300000.00', '50000.00'))).toEqual([]);
    expect(coverageShortfalls('motorcycle', split('100000.00', '300000.00', '49999.99'))).toEqual([
      { field: 'propertyDamage', message: 'must be at least 50000.00 USD for a motorcycle' },
    ]);
    expect(coverageShortfalls('motorcycle', split('99999.00', '300000.00', '50000.00'))).toEqual([
      { field: 'bodilyInjuryPerPerson', message: 'must be at least 100000.00 USD for a motorcycle' },
    ]);
  });

  it('a motorcycle takes split limits only: DOMAIN gives no combined single limit for it', () => {
    expect(coverageShortfalls('motorcycle', { combinedSingleLimit: usd('1000000.00') })).toEqual([
      { field: 'combinedSingleLimit', message: 'is not accepted for a motorcycle: give the three split limits' },
    ]);
  });

  it('a trailer has no minimum', () => {
    expect(coverageShortfalls('trailer', { combinedSingleLimit: usd('0.00') })).toEqual([]);
    expect(coverageShortfalls('trailer', split('0', '0', '0'))).toEqual([]);
    expect(insuranceRequired('trailer')).toBe(false);
    expect(insuranceRequired('car')).toBe(true);
    expect(insuranceRequired('motorcycle')).toBe(true);
  });

  it('counts a missing split limit as none', () => {
    expect(coverageShortfalls('car', { bodilyInjuryPerPerson: usd('100000.00') })).toEqual([
      { field: 'bodilyInjuryPerAccident', message: 'must be at least 300000.00 USD for a car' },
      { field: 'propertyDamage', message: 'must be at least 100000.00 USD for a car' },
    ]);
  });

  it('refuses to compare limits the declared form would have refused', () => {
    expect(() => coverageShortfalls('car', { combinedSingleLimit: { amount: '3e5', currency: 'USD' } })).toThrow(
      RangeError,
    );
  });
});

describe('policyTermErrors', () => {
  it('accepts a policy with a combined single limit or with split limits', () => {
    expect(policyTermErrors(terms())).toEqual([]);
    expect(policyTermErrors(terms({ combinedSingleLimit: undefined, ...split('1', '2', '3') }))).toEqual([]);
  });

  it.each([
    ['2025-01-01', '2025-01-01'],
    ['2025-01-02', '2025-01-01'],
  ])('requires the expiration (%s → %s) after the effective date', (effectiveDate, expirationDate) => {
    expect(policyTermErrors(terms({ effectiveDate, expirationDate }))).toEqual([
      { field: 'expirationDate', message: 'must be after effectiveDate' },
    ]);
  });

  it('takes limits in U.S. dollars only, naming each other currency', () => {
    expect(policyTermErrors(terms({ combinedSingleLimit: { amount: '300000.00', currency: 'EUR' } }))).toEqual([
      { field: 'combinedSingleLimit.currency', message: 'must be USD' },
    ]);
    expect(
      policyTermErrors(
        terms({
          combinedSingleLimit: undefined,
          ...split('1', '2', '3'),
          bodilyInjuryPerPerson: { amount: '1', currency: 'CAD' },
          propertyDamage: { amount: '1', currency: 'GBP' },
        }),
      ),
    ).toEqual([
      { field: 'bodilyInjuryPerPerson.currency', message: 'must be USD' },
      { field: 'propertyDamage.currency', message: 'must be USD' },
    ]);
  });

  it('requires a binder to run for at least 30 days (a rule, not a form error)', () => {
    const binder = (expirationDate: string) =>
      terms({ proofType: 'binder', effectiveDate: '2025-01-01', expirationDate });
    expect(binderShortfall(binder('2025-01-30'))).toEqual([
      { field: 'expirationDate', message: 'a binder must be valid for at least 30 days' },
    ]);
    expect(binderShortfall(binder('2025-01-31'))).toEqual([]);
    // A short binder is well-formed: the term check lets it through to the rule.
    expect(policyTermErrors(binder('2025-01-30'))).toEqual([]);
    // Certificates and declaration pages have no such minimum.
    expect(
      binderShortfall(terms({ proofType: 'certificate', effectiveDate: '2025-01-01', expirationDate: '2025-01-02' })),
    ).toEqual([]);
    expect(
      binderShortfall(
        terms({ proofType: 'declarations-page', effectiveDate: '2025-01-01', expirationDate: '2025-01-02' }),
      ),
    ).toEqual([]);
  });

  it('judges a policy without proofType as a binder: leaving it out does not bypass the 30 days', () => {
    expect(binderShortfall(terms({ effectiveDate: '2025-01-01', expirationDate: '2025-01-06' }))).toEqual([
      {
        field: 'expirationDate',
        message: 'without proofType the proof is judged as a binder, which must be valid for at least 30 days',
      },
    ]);
    expect(binderShortfall(terms({ effectiveDate: '2025-01-01', expirationDate: '2025-01-31' }))).toEqual([]);
    expect(
      assessPolicy('car', terms({ effectiveDate: '2025-05-28', expirationDate: '2025-06-02' }), '2025-06-01'),
    ).toMatchObject({
      outcome: 'binder-too-short',
    });
  });
});

describe('assessPolicy', () => {
  const today = '2025-06-01';

  it('accepts a valid policy that is current or future', () => {
    expect(assessPolicy('car', terms(), today)).toEqual({ outcome: 'acceptable' });
    expect(assessPolicy('car', terms({ effectiveDate: '2025-07-01', expirationDate: '2026-07-01' }), today)).toEqual({
      outcome: 'acceptable',
    });
  });

  it('reports term errors before the minimum', () => {
    const result = assessPolicy('car', terms({ combinedSingleLimit: { amount: '1.00', currency: 'EUR' } }), today);
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [{ field: 'combinedSingleLimit.currency', message: 'must be USD' }],
    });
  });

  it('reports limits below the minimum', () => {
    expect(assessPolicy('car', terms({ combinedSingleLimit: usd('250000.00') }), today)).toEqual({
      outcome: 'below-minimum',
      errors: [{ field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD for a car' }],
    });
  });

  it('refuses a policy that has already expired (its expiration date is uncovered)', () => {
    expect(assessPolicy('car', terms({ expirationDate: today }), today)).toEqual({ outcome: 'expired' });
    expect(assessPolicy('car', terms({ expirationDate: '2025-06-02' }), today)).toEqual({ outcome: 'acceptable' });
  });

  it('refuses a binder shorter than 30 days after the minimums, before the expiry', () => {
    const shortBinder = terms({ proofType: 'binder', effectiveDate: '2025-05-20', expirationDate: '2025-06-10' });
    expect(assessPolicy('car', shortBinder, today)).toEqual({
      outcome: 'binder-too-short',
      errors: [{ field: 'expirationDate', message: 'a binder must be valid for at least 30 days' }],
    });
    expect(assessPolicy('car', { ...shortBinder, combinedSingleLimit: usd('1.00') }, today)).toMatchObject({
      outcome: 'below-minimum',
    });
    expect(assessPolicy('car', { ...shortBinder, expirationDate: '2025-06-19' }, today)).toEqual({
      outcome: 'acceptable',
    });
    expect(assessPolicy('car', { ...shortBinder, proofType: 'certificate' }, today)).toEqual({ outcome: 'acceptable' });
  });

  it('accepts any valid limits for a trailer', () => {
    expect(assessPolicy('trailer', terms({ combinedSingleLimit: usd('1.00') }), today)).toEqual({
      outcome: 'acceptable',
    });
  });
});

describe('the boundaries of coverage', () => {
  const policy = { effectiveDate: '2025-01-01', expirationDate: '2025-03-01' };

  it('ends the cover at the earlier of expiration and cancellation', () => {
    expect(coverageEnd(policy)).toBe('2025-03-01');
    expect(coverageEnd({ ...policy, cancelledOn: '2025-02-10' })).toBe('2025-02-10');
    expect(coverageEnd({ ...policy, cancelledOn: '2025-04-01' })).toBe('2025-03-01');
    expect(covers({ ...policy, cancelledOn: '2025-02-10' }, '2025-02-09')).toBe(true);
    expect(covers({ ...policy, cancelledOn: '2025-02-10' }, '2025-02-10')).toBe(false);
  });

  it('lapses on the cancellation day; a policy cancelled before it began never covered', () => {
    expect(lapsedOn([{ ...policy, cancelledOn: '2025-02-10' }], '2025-02-10')).toBe('2025-02-10');
    expect(lapsedOn([{ ...policy, cancelledOn: '2025-01-01' }], '2025-02-10')).toBeUndefined();
  });

  it('a renewal recorded in advance covers from its start, with no gap at the boundary', () => {
    const renewal = { effectiveDate: '2025-03-01', expirationDate: '2026-03-01' };
    expect(isInsured([policy, renewal], '2025-02-28')).toBe(true);
    expect(isInsured([policy, renewal], '2025-03-01')).toBe(true);
    expect(lapsedOn([policy, renewal], '2025-03-01')).toBeUndefined();
    const late = { effectiveDate: '2025-03-05', expirationDate: '2026-03-05' };
    expect(lapsedOn([policy, late], '2025-03-02')).toBe('2025-03-01');
    expect(isInsured([policy, late], '2025-03-05')).toBe(true);
  });
});

describe('isInsured and lapses', () => {
  const jan = { effectiveDate: '2025-01-01', expirationDate: '2025-03-01' };
  const apr = { effectiveDate: '2025-04-01', expirationDate: '2025-07-01' };

  it('covers from the effective date up to the day before expiration', () => {
    expect(covers(jan, '2024-12-31')).toBe(false);
    expect(covers(jan, '2025-01-01')).toBe(true);
    expect(covers(jan, '2025-02-28')).toBe(true);
    expect(covers(jan, '2025-03-01')).toBe(false);
  });

  it('is insured when any policy covers the date', () => {
    expect(isInsured([jan, apr], '2025-02-01')).toBe(true);
    expect(isInsured([jan, apr], '2025-05-01')).toBe(true);
    expect(isInsured([jan, apr], '2025-03-15')).toBe(false);
    expect(isInsured([], '2025-03-15')).toBe(false);
  });

  it('finds the first uncovered day of the latest lapse', () => {
    expect(lapsedOn([jan, apr], '2025-03-15')).toBe('2025-03-01');
    expect(lapsedOn([jan, apr], '2025-08-01')).toBe('2025-07-01');
    expect(lapsedOn([apr, jan], '2025-07-01')).toBe('2025-07-01');
    expect(lapsedOn([jan, apr], '2025-05-01')).toBeUndefined();
  });

  it('does not call a vehicle never insured (or only insured in future) lapsed', () => {
    expect(lapsedOn([], '2025-05-01')).toBeUndefined();
    expect(lapsedOn([apr], '2025-03-01')).toBeUndefined();
  });

  it('overlapping policies lapse when the last one ends', () => {
    const overlap = { effectiveDate: '2025-02-01', expirationDate: '2025-05-01' };
    expect(lapsedOn([jan, overlap], '2025-03-10')).toBeUndefined();
    expect(lapsedOn([jan, overlap], '2025-06-01')).toBe('2025-05-01');
  });

  it('suspends on the lapse day without grace, after the grace period otherwise', () => {
    expect(suspendingLapse([jan], '2025-03-01', 0)).toBe('2025-03-01');
    expect(suspendingLapse([jan], '2025-02-28', 0)).toBeUndefined();
    expect(suspendingLapse([jan], '2025-03-10', 10)).toBeUndefined();
    expect(suspendingLapse([jan], '2025-03-11', 10)).toBe('2025-03-01');
    expect(suspendingLapse([], '2025-03-11', 0)).toBeUndefined();
  });
});
