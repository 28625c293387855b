import { guidanceFor } from './immunity.rules';
import { immunityInForce, verificationOf, verificationStatus, type VerifiedMemberFacts } from './verification.rules';

const TODAY = '2026-06-15';
const diplomat = (over: Partial<VerifiedMemberFacts> = {}): VerifiedMemberFacts => ({
  status: 'accredited',
  category: 'diplomatic-agent',
  immunityLevel: 'full',
  idCardExpiresOn: '2027-01-01',
  immunityEndsOn: null,
  ...over,
});

describe('verificationStatus', () => {
  it.each([
    ['accredited', '2027-01-01', null, 'valid'],
    ['accredited', '2026-06-15', null, 'valid'],
    ['accredited', '2026-06-14', null, 'expired'],
    // Accredited without a card (no immunity, so no card): the accreditation itself is valid.
    ['accredited', null, null, 'valid'],
    ['accredited', '2027-01-01', '2026-06-14', 'terminated'],
    ['accredited', '2027-01-01', '2026-06-15', 'valid'],
    ['terminated', '2027-01-01', '2026-07-15', 'terminated'],
    ['terminated', '2027-01-01', '2026-06-01', 'terminated'],
    ['terminated', null, null, 'terminated'],
    ['notified', null, null, 'unknown'],
    ['refused', null, null, 'unknown'],
  ] as const)('%s, card expiring %s, immunity ending %s → %s', (status, idCardExpiresOn, immunityEndsOn, expected) => {
    expect(verificationStatus(diplomat({ status, idCardExpiresOn, immunityEndsOn }), TODAY)).toBe(expected);
  });
});

describe('immunityInForce', () => {
  it('is the accredited level while accredited, even with an expired card', () => {
    expect(immunityInForce(diplomat(), TODAY)).toBe('full');
    expect(immunityInForce(diplomat({ idCardExpiresOn: '2026-01-01' }), TODAY)).toBe('full');
  });

  it('runs on after termination until the immunity end date, that day included', () => {
    expect(immunityInForce(diplomat({ status: 'terminated', immunityEndsOn: '2026-07-15' }), TODAY)).toBe('full');
    expect(immunityInForce(diplomat({ status: 'terminated', immunityEndsOn: TODAY }), TODAY)).toBe('full');
    expect(immunityInForce(diplomat({ status: 'terminated', immunityEndsOn: '2026-06-14' }), TODAY)).toBe('none');
  });

  it('is none for a terminated appointment that was never accredited', () => {
    expect(
      immunityInForce(diplomat({ status: 'terminated', immunityLevel: null, immunityEndsOn: '2026-07-15' }), TODAY),
    ).toBe('none');
  });

  it('is undefined for someone OFM never accredited', () => {
    expect(immunityInForce(diplomat({ status: 'notified', immunityLevel: null }), TODAY)).toBeUndefined();
    expect(immunityInForce(diplomat({ status: 'refused', immunityLevel: null }), TODAY)).toBeUndefined();
  });
});

describe('verificationOf', () => {
  it('gives the booklet guidance of the accredited level', () => {
    expect(verificationOf(diplomat(), TODAY)).toEqual({
      status: 'valid',
      guidance: guidanceFor('diplomatic-agent', 'full'),
    });
    expect(verificationOf(diplomat({ category: 'consular-officer', immunityLevel: 'official-acts' }), TODAY)).toEqual({
      status: 'valid',
      guidance: guidanceFor('consular-officer', 'official-acts'),
    });
  });

  it('keeps the guidance of an expired card: immunity follows the accreditation, not the card', () => {
    expect(verificationOf(diplomat({ idCardExpiresOn: '2026-01-01' }), TODAY)).toEqual({
      status: 'expired',
      guidance: guidanceFor('diplomatic-agent', 'full'),
    });
  });

  it('answers terminated with the immunity still running, then with the guidance of no immunity', () => {
    expect(verificationOf(diplomat({ status: 'terminated', immunityEndsOn: '2026-07-15' }), TODAY)).toEqual({
      status: 'terminated',
      guidance: guidanceFor('diplomatic-agent', 'full'),
    });
    const over = verificationOf(diplomat({ status: 'terminated', immunityEndsOn: '2026-06-01' }), TODAY);
    expect(over).toEqual({ status: 'terminated', guidance: guidanceFor('diplomatic-agent', 'none') });
    expect(over.guidance?.arrest).toBe('May be arrested or detained');
  });

  it('gives a dependent the guidance of the level it shares', () => {
    expect(verificationOf(diplomat({ category: 'dependent', immunityLevel: 'full-criminal' }), TODAY).guidance).toEqual(
      guidanceFor('dependent', 'full-criminal'),
    );
  });

  it('gives no guidance for someone OFM never accredited', () => {
    expect(verificationOf(diplomat({ status: 'notified', immunityLevel: null, idCardExpiresOn: null }), TODAY)).toEqual(
      {
        status: 'unknown',
        guidance: undefined,
      },
    );
  });

  it('always allows a traffic ticket', () => {
    for (const immunityLevel of ['full', 'full-criminal', 'official-acts', 'none'] as const) {
      expect(verificationOf(diplomat({ immunityLevel }), TODAY).guidance?.ticket).toBe(
        'May be issued a traffic citation',
      );
    }
  });
});
