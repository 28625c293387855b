import { checkDisposal, disposalDueOn, isDisposalOverdue, RELEASES_TITLE, surchargeTerms } from './disposal.rules';

const none = surchargeTerms({ country: 'FR', version: 3, vehicleDispositionSurcharge: false });
const surcharged = surchargeTerms({ country: 'RU', version: 7, vehicleDispositionSurcharge: true });
const due = { plate: 'DEA0001', registrationStatus: 'disposal-due' as const };

describe('disposal due date', () => {
  it('falls DISPOSAL_DUE_DAYS after the termination, the day itself in time', () => {
    expect(disposalDueOn('2026-11-01', 30)).toBe('2026-12-01');
    expect(isDisposalOverdue('2026-12-01', '2026-12-01')).toBe(false);
    expect(isDisposalOverdue('2026-12-01', '2026-12-02')).toBe(true);
  });
});

describe('checkDisposal', () => {
  it('records a sale, export or junking against the returned plates', () => {
    for (const method of ['sale', 'export', 'junk'] as const) {
      expect(RELEASES_TITLE[method]).toBe(true);
      expect(checkDisposal(due, { method, platesReturned: true, surchargePaid: false }, none)).toBeUndefined();
      expect(checkDisposal(due, { method, platesReturned: false, surchargePaid: false }, none)).toEqual({
        rule: 'plates-not-returned',
        detail: `a ${method} releases the title, which OFM does only against the returned plates DEA0001`,
      });
    }
  });

  it('records a transfer, which releases no title, without the plates', () => {
    expect(
      checkDisposal(due, { method: 'transfer', platesReturned: false, surchargePaid: false }, none),
    ).toBeUndefined();
  });

  it('asks for the surcharge where the profile imposes one, naming the profile version', () => {
    const refused = checkDisposal(due, { method: 'sale', platesReturned: true, surchargePaid: false }, surcharged);
    expect(refused?.rule).toBe('disposition-surcharge-unpaid');
    expect(refused?.detail).toContain('(profile RU v7)');
    expect(
      checkDisposal(due, { method: 'sale', platesReturned: true, surchargePaid: true }, surcharged),
    ).toBeUndefined();
    expect(none).toEqual({ required: false, reason: 'FR imposes no disposition surcharge (profile FR v3)' });
  });

  it('refuses a vehicle disposed already', () => {
    expect(
      checkDisposal(
        { plate: 'DEA0001', registrationStatus: 'disposed' },
        { method: 'sale', platesReturned: true, surchargePaid: true },
        none,
      )?.rule,
    ).toBe('vehicle-disposed');
  });
});
