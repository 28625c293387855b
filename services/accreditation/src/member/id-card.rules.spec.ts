import { idCardExpiresOn, idCardNumber, ID_CARD_NUMBER, normalizeIdCardNumber } from './id-card.rules';

const adult = {
  category: 'diplomatic-agent' as const,
  relationship: null,
  dateOfBirth: '1980-01-01',
  fullTimeStudent: false,
  disabled: false,
  expectedDepartureDate: null,
};

describe('ID card', () => {
  it('expires after the default validity when no departure is expected', () => {
    expect(idCardExpiresOn(adult, '2026-06-15')).toBe('2029-06-15');
    expect(idCardExpiresOn(adult, '2026-06-15', 2)).toBe('2028-06-15');
  });

  it('expires at the expected departure when that comes first', () => {
    expect(idCardExpiresOn({ ...adult, expectedDepartureDate: '2027-08-31' }, '2026-06-15')).toBe('2027-08-31');
  });

  it('expires the day before a child turns 21, or 23 when a full-time student', () => {
    const child = {
      ...adult,
      category: 'dependent' as const,
      relationship: 'child' as const,
      dateOfBirth: '2008-02-10',
    };
    expect(idCardExpiresOn(child, '2026-06-15')).toBe('2029-02-09');
    expect(idCardExpiresOn({ ...child, dateOfBirth: '2005-02-10', fullTimeStudent: true }, '2026-06-15')).toBe(
      '2028-02-09',
    );
  });

  it('does not limit the card of a disabled child or of a spouse by age', () => {
    const child = {
      ...adult,
      category: 'dependent' as const,
      relationship: 'child' as const,
      dateOfBirth: '2000-02-10',
      disabled: true,
    };
    expect(idCardExpiresOn(child, '2026-06-15')).toBe('2029-06-15');
    expect(idCardExpiresOn({ ...child, relationship: 'spouse' as const, disabled: false }, '2026-06-15')).toBe(
      '2029-06-15',
    );
  });

  it.each([
    ['blue', 1, 'D000000001'],
    ['green', 123456789, 'O123456789'],
    ['red', '42', 'C000000042'],
  ] as const)('numbers a %s card from sequence %s as %s', (color, seq, number) => {
    expect(idCardNumber(color, seq)).toBe(number);
    expect(number).toMatch(ID_CARD_NUMBER);
  });

  it('refuses a sequence value that does not fit 9 digits', () => {
    expect(() => idCardNumber('blue', 1_000_000_000)).toThrow(RangeError);
    expect(() => idCardNumber('blue', -1)).toThrow(RangeError);
  });

  it('normalizes typed numbers', () => {
    expect(normalizeIdCardNumber(' d 000 000 001 ')).toBe('D000000001');
    expect(normalizeIdCardNumber('d-000-000-001')).toBe('D000000001');
  });

  // The visa's expiry caps the card: the card expires on the visa's last day, not after it.
  it('expires with the visa when the visa ends first, at the boundary included', () => {
    expect(idCardExpiresOn({ ...adult, visaExpiresOn: '2029-06-14' }, '2026-06-15')).toBe('2029-06-14');
    expect(idCardExpiresOn({ ...adult, visaExpiresOn: '2029-06-15' }, '2026-06-15')).toBe('2029-06-15');
    expect(idCardExpiresOn({ ...adult, visaExpiresOn: '2029-06-16' }, '2026-06-15')).toBe('2029-06-15');
    expect(idCardExpiresOn({ ...adult, visaExpiresOn: null }, '2026-06-15')).toBe('2029-06-15');
  });

  it('takes the earliest of visa, expected departure and validity', () => {
    const both = { ...adult, visaExpiresOn: '2027-09-30', expectedDepartureDate: '2027-10-01' };
    expect(idCardExpiresOn(both, '2026-06-15')).toBe('2027-09-30');
    expect(idCardExpiresOn({ ...both, expectedDepartureDate: '2027-09-29' }, '2026-06-15')).toBe('2027-09-29');
  });
});
