import {
  assessPolicy,
  binderShortfall,
  coverageShortfalls,
  covers,
  insuranceRequired,
  isInsured,
  isProofType,
  lapsedOn,
  PROOF_TYPES,
  type PolicyTerms,
  suspendingLapse,
  validatePolicyTerms,
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

  it('a motorcycle accepts a combined single limit of at least 300000.00 (documented decision)', () => {
    expect(coverageShortfalls('motorcycle', { combinedSingleLimit: usd('300000.00') })).toEqual([]);
    expect(coverageShortfalls('motorcycle', { combinedSingleLimit: usd('299999.99') })).toEqual([
      { field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD for a motorcycle' },
    ]);
  });

  it('a trailer has no minimum', () => {
    expect(coverageShortfalls('trailer', { combinedSingleLimit: usd('0.00') })).toEqual([]);
    expect(coverageShortfalls('trailer', split('0', '0', '0'))).toEqual([]);
    expect(insuranceRequired('trailer')).toBe(false);
    expect(insuranceRequired('car')).toBe(true);
    expect(insuranceRequired('motorcycle')).toBe(true);
  });

  it('refuses to compare limits that were not validated', () => {
    expect(() => coverageShortfalls('car', { combinedSingleLimit: { amount: '3e5', currency: 'USD' } })).toThrow(
      RangeError,
    );
  });
});

describe('validatePolicyTerms', () => {
  it('accepts a complete policy with a combined single limit or with split limits', () => {
    expect(validatePolicyTerms(terms())).toEqual([]);
    expect(validatePolicyTerms(terms({ combinedSingleLimit: undefined, ...split('1', '2', '3') }))).toEqual([]);
  });

  it('requires the insurer and the policy number', () => {
    expect(validatePolicyTerms(terms({ insurer: ' ', policyNumber: '' }))).toEqual([
      { field: 'insurer', message: 'required' },
      { field: 'policyNumber', message: 'required' },
    ]);
  });

  it('requires real dates', () => {
    expect(validatePolicyTerms(terms({ effectiveDate: '2025-02-30', expirationDate: 'tomorrow' }))).toEqual([
      { field: 'effectiveDate', message: 'must be a date (YYYY-MM-DD)' },
      { field: 'expirationDate', message: 'must be a date (YYYY-MM-DD)' },
    ]);
  });

  it.each([
    ['2025-01-01', '2025-01-01'],
    ['2025-01-02', '2025-01-01'],
  ])('requires the expiration (%s → %s) after the effective date', (effectiveDate, expirationDate) => {
    expect(validatePolicyTerms(terms({ effectiveDate, expirationDate }))).toEqual([
      { field: 'expirationDate', message: 'must be after effectiveDate' },
    ]);
  });

  it('requires a binder to run for at least 30 days (a rule, checked after the form)', () => {
    const binder = (expirationDate: string) =>
      terms({ proofType: 'binder', effectiveDate: '2025-01-01', expirationDate });
    expect(binderShortfall(binder('2025-01-30'))).toEqual([
      { field: 'expirationDate', message: 'a binder must be valid for at least 30 days' },
    ]);
    expect(binderShortfall(binder('2025-01-31'))).toEqual([]);
    // A short binder is well-formed: the form check lets it through to the rule.
    expect(validatePolicyTerms(binder('2025-01-30'))).toEqual([]);
    // Certificates, declaration pages and an unstated proof have no such minimum.
    expect(
      binderShortfall(terms({ proofType: 'certificate', effectiveDate: '2025-01-01', expirationDate: '2025-01-02' })),
    ).toEqual([]);
    expect(
      binderShortfall(
        terms({ proofType: 'declarations-page', effectiveDate: '2025-01-01', expirationDate: '2025-01-02' }),
      ),
    ).toEqual([]);
    expect(binderShortfall(terms({ effectiveDate: '2025-01-01', expirationDate: '2025-01-02' }))).toEqual([]);
  });

  it('accepts the three proofs of insurance, or none stated, and names an unknown one', () => {
    for (const proofType of PROOF_TYPES) expect(validatePolicyTerms(terms({ proofType }))).toEqual([]);
    expect(validatePolicyTerms(terms({ proofType: undefined }))).toEqual([]);
    expect(validatePolicyTerms(terms({ proofType: 'letter' }))).toEqual([
      { field: 'proofType', message: 'must be one of binder, certificate, declarations-page' },
    ]);
    expect(isProofType('binder')).toBe(true);
    expect(isProofType('Binder')).toBe(false);
  });

  it('requires one form of limits, not both, not neither', () => {
    expect(validatePolicyTerms(terms({ ...split('1', '2', '3') }))).toEqual([
      { field: 'combinedSingleLimit', message: expect.stringContaining('not both') },
    ]);
    expect(validatePolicyTerms(terms({ combinedSingleLimit: undefined }))).toEqual([
      { field: 'combinedSingleLimit', message: expect.stringContaining('required unless') },
    ]);
  });

  it('names each missing split limit', () => {
    expect(
      validatePolicyTerms(terms({ combinedSingleLimit: undefined, bodilyInjuryPerAccident: usd('300000.00') })),
    ).toEqual([
      { field: 'bodilyInjuryPerPerson', message: 'required with the split limits' },
      { field: 'propertyDamage', message: 'required with the split limits' },
    ]);
  });

  it('rejects non-USD money and bad amounts as validation errors naming the field', () => {
    expect(validatePolicyTerms(terms({ combinedSingleLimit: { amount: '300000.00', currency: 'EUR' } }))).toEqual([
      { field: 'combinedSingleLimit.currency', message: 'must be USD' },
    ]);
    expect(
      validatePolicyTerms(
        terms({
          combinedSingleLimit: undefined,
          ...split('1', '2', '3'),
          propertyDamage: { amount: '1.001', currency: 'USD' },
        }),
      ),
    ).toEqual([{ field: 'propertyDamage.amount', message: expect.any(String) }]);
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

  it('reports form errors before the minimum', () => {
    const result = assessPolicy('car', terms({ insurer: '', combinedSingleLimit: usd('1.00') }), today);
    expect(result).toEqual({ outcome: 'invalid', errors: [{ field: 'insurer', message: 'required' }] });
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
