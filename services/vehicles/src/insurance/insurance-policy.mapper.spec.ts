import type { InsurancePolicyEntity } from './insurance-policy.entity';
import { policyTermsOf, toInsurancePolicyMessage } from './insurance-policy.mapper';

const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('policyTermsOf', () => {
  const request = {
    vehicleId: '00000000-0000-4000-8000-000000000001',
    insurer: 'Acme Mutual',
    policyNumber: 'P-1',
    effectiveDate: '2025-01-01',
    expirationDate: '2026-01-01',
    combinedSingleLimit: usd('300000.00'),
    expectedVersion: 0,
  };

  it('reads limits gRPC delivers as null, and an unstated proof type, as undefined', () => {
    const terms = policyTermsOf({ ...request, propertyDamage: null as never });
    expect(terms.combinedSingleLimit).toEqual(usd('300000.00'));
    expect(terms.propertyDamage).toBeUndefined();
    expect(terms.proofType).toBeUndefined();
  });

  it('passes a stated proof type on', () => {
    expect(policyTermsOf({ ...request, proofType: 'binder' }).proofType).toBe('binder');
  });
});

describe('toInsurancePolicyMessage', () => {
  const entity = (fields: Partial<InsurancePolicyEntity>): InsurancePolicyEntity => ({
    id: 'p-1',
    vehicleId: 'v-1',
    insurer: 'Acme Mutual',
    policyNumber: 'P-1',
    effectiveDate: '2025-01-01',
    expirationDate: '2026-01-01',
    currency: 'USD',
    createdAt: new Date('2025-01-01T12:00:00.000Z'),
    ...fields,
  });

  it('answers the limits given as money and leaves the others and an unstated proof type unset', () => {
    const message = toInsurancePolicyMessage(
      entity({ bodilyInjuryPerPerson: '100000.00', bodilyInjuryPerAccident: '300000.00', propertyDamage: '100000.00' }),
    );
    expect(message).toMatchObject({
      bodilyInjuryPerPerson: usd('100000.00'),
      bodilyInjuryPerAccident: usd('300000.00'),
      propertyDamage: usd('100000.00'),
      createdAt: '2025-01-01T12:00:00.000Z',
    });
    expect(message.combinedSingleLimit).toBeUndefined();
    expect(message.proofType).toBeUndefined();
    expect(
      toInsurancePolicyMessage(entity({ combinedSingleLimit: '300000.00', proofType: 'certificate' })),
    ).toMatchObject({ combinedSingleLimit: usd('300000.00'), proofType: 'certificate' });
  });
});
