import type { FeedRow } from './feed-row.rules';
import { decideFeedRow, type RecordedPolicy } from './feed-vehicle.rules';

const today = '2026-06-01';
const car = { id: 'v-1', kind: 'car' as const };
const row = (action: FeedRow['action'], terms: Partial<FeedRow['terms']> = {}): FeedRow => ({
  line: 4,
  action,
  vin: '1HGCM82633A004352',
  terms: {
    insurer: 'Acme',
    policyNumber: 'P-1',
    effectiveDate: '2026-05-01',
    expirationDate: '2027-05-01',
    combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
    ...terms,
  },
});
const recorded = (p: Partial<RecordedPolicy> = {}): RecordedPolicy => ({
  id: 'p-1',
  insurer: 'Acme',
  policyNumber: 'P-1',
  effectiveDate: '2026-05-01',
  expirationDate: '2027-05-01',
  ...p,
});

describe('what a feed row does to the records', () => {
  it('refuses a VIN no vehicle registered with OFM has', () => {
    expect(decideFeedRow(row('issue'), undefined, [], today)).toEqual({
      outcome: 'refused',
      errors: [{ field: 'vin', message: 'no vehicle registered with OFM has this VIN' }],
    });
  });

  it('records an issue that meets the minimum for the kind', () => {
    expect(decideFeedRow(row('issue'), car, [], today)).toEqual({ outcome: 'recorded' });
  });

  it("refuses limits below the vehicle kind's minimum, naming the limit (the insurance rules)", () => {
    const low = row('issue', { combinedSingleLimit: { amount: '299999.99', currency: 'USD' } });
    expect(decideFeedRow(low, car, [], today)).toEqual({
      outcome: 'refused',
      errors: [{ field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD for a car' }],
    });
    const split = row('issue', {
      combinedSingleLimit: undefined,
      bodilyInjuryPerPerson: { amount: '100000.00', currency: 'USD' },
      bodilyInjuryPerAccident: { amount: '300000.00', currency: 'USD' },
      propertyDamage: { amount: '50000.00', currency: 'USD' },
    });
    expect(decideFeedRow(split, { id: 'm', kind: 'motorcycle' }, [], today)).toEqual({ outcome: 'recorded' });
    expect(decideFeedRow(split, car, [], today).outcome).toBe('refused');
  });

  it('refuses a policy that has already expired', () => {
    const old = row('issue', { effectiveDate: '2025-01-01', expirationDate: '2026-06-01' });
    expect(decideFeedRow(old, car, [], today)).toEqual({
      outcome: 'refused',
      errors: [
        { field: 'expirationDate', message: `must be after today (${today}): insurance is required at all times` },
      ],
    });
  });

  it('applies the same period again as unchanged (a row of an earlier feed)', () => {
    expect(decideFeedRow(row('issue'), car, [recorded()], today)).toEqual({ outcome: 'unchanged' });
    expect(decideFeedRow(row('renew'), car, [recorded()], today)).toEqual({ outcome: 'unchanged' });
  });

  it('refuses an issue of a recorded policy number, and a renewal of an unknown one', () => {
    const next = { effectiveDate: '2027-05-01', expirationDate: '2028-05-01' };
    expect(decideFeedRow(row('issue', next), car, [recorded()], today).outcome).toBe('refused');
    expect(decideFeedRow(row('renew', next), car, [], today)).toEqual({
      outcome: 'refused',
      errors: [{ field: 'policyNumber', message: 'no policy P-1 of Acme is recorded for this vehicle to renew' }],
    });
    expect(decideFeedRow(row('renew', next), car, [recorded()], today)).toEqual({ outcome: 'recorded' });
  });

  it('cancels the periods still covering on the cancellation day, once', () => {
    const cancel = row('cancel', { effectiveDate: '', expirationDate: '2026-07-01', combinedSingleLimit: undefined });
    expect(decideFeedRow(cancel, car, [recorded()], today)).toEqual({
      outcome: 'cancelled',
      policyIds: ['p-1'],
      on: '2026-07-01',
    });
    expect(decideFeedRow(cancel, car, [recorded({ cancelledOn: '2026-07-01' })], today)).toEqual({
      outcome: 'unchanged',
    });
    expect(decideFeedRow(cancel, car, [recorded({ policyNumber: 'P-2' })], today)).toEqual({
      outcome: 'refused',
      errors: [{ field: 'policyNumber', message: 'no policy P-1 of Acme is recorded for this vehicle to cancel' }],
    });
  });
});

describe('feed rows of the same terms', () => {
  it('judges each kind, day and limits on their own, however often the terms repeat', () => {
    const low = { combinedSingleLimit: { amount: '250000.00', currency: 'USD' } };
    const motorcycle = { id: 'v-2', kind: 'motorcycle' as const };
    for (let i = 0; i < 3; i++) {
      expect(decideFeedRow(row('issue'), car, [], today)).toEqual({ outcome: 'recorded' });
      expect(decideFeedRow(row('issue', low), car, [], today).outcome).toBe('refused');
      expect(decideFeedRow(row('issue', low), motorcycle, [], today).outcome).toBe(
        decideFeedRow(row('issue', low), motorcycle, [], '2026-05-02').outcome,
      );
      expect(decideFeedRow(row('issue'), car, [], '2027-05-01').outcome).toBe('refused');
    }
  });
});
