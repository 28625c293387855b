import { policyTermsOf } from './insurance-terms.mapper';

const request = {
  vehicleId: '00000000-0000-4000-8000-000000000001',
  insurer: 'Acme Mutual',
  policyNumber: 'P-1',
  effectiveDate: '2025-01-01',
  expirationDate: '2026-01-01',
  combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
  proofType: '',
  expectedVersion: 0,
};

describe('policyTermsOf', () => {
  it('reads an empty proof type (proto3 default) as not stated', () => {
    expect(policyTermsOf(request).proofType).toBeUndefined();
    expect('proofType' in policyTermsOf(request)).toBe(false);
  });

  it('passes a stated proof type on, trimmed, for the rules to check', () => {
    expect(policyTermsOf({ ...request, proofType: ' binder ' }).proofType).toBe('binder');
    expect(policyTermsOf({ ...request, proofType: 'letter' }).proofType).toBe('letter');
  });

  it('drops limits that were not set, including all-empty money', () => {
    const terms = policyTermsOf({ ...request, propertyDamage: { amount: '', currency: '' } });
    expect(terms.combinedSingleLimit).toEqual({ amount: '300000.00', currency: 'USD' });
    expect('propertyDamage' in terms).toBe(false);
  });
});
