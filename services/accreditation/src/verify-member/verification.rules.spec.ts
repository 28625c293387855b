import { IMMUNITY_LEVEL } from '@ofm/contracts';
import { guidanceFor } from '../member/immunity.rules';
import {
  immunityInForce,
  reportedStatus,
  verificationOf,
  verificationStatus,
  type VerifiedHolder,
} from './verification.rules';

const TODAY = '2026-06-15';
const NOW = new Date(`${TODAY}T15:00:00.000Z`);
const CHECKED_AT = NOW.toISOString();

const holder = (
  over: Partial<Omit<VerifiedHolder, 'idCard'>> & { idCardExpiresOn?: string | null } = {},
): VerifiedHolder => {
  const { idCardExpiresOn = '2027-01-01', ...rest } = over;
  return {
    givenName: 'Claire',
    familyName: 'Martin',
    missionCountry: 'FR',
    status: 'accredited',
    category: 'diplomatic-agent',
    immunityLevel: 'full',
    immunityEndsOn: null,
    usCitizenOrPermanentResident: false,
    relationship: null,
    dateOfBirth: '1980-04-02',
    fullTimeStudent: false,
    disabled: false,
    idCard: { expiresOn: idCardExpiresOn },
    ...rest,
  };
};

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
    expect(verificationStatus(holder({ status, idCardExpiresOn, immunityEndsOn }), TODAY)).toBe(expected);
  });
});

// The level an officer reads beside the guidance (it used to be worked out by the gateway).
describe('immunityInForce — the level in force today', () => {
  it.each([
    ['accredited', 'full', null, 'full'],
    ['terminated', 'full', '2026-07-15', 'full'],
    // The immunity end date itself still counts.
    ['terminated', 'full', TODAY, 'full'],
    ['terminated', 'full', '2026-06-14', 'none'],
    ['terminated', 'full-criminal', '2026-06-14', 'none'],
    // Ended even if the stored status says otherwise.
    ['accredited', 'official-acts', '2026-06-14', 'none'],
    // A terminated appointment that was never accredited (no level recorded).
    ['terminated', null, '2026-07-15', 'none'],
    ['terminated', null, '2026-06-01', 'none'],
    ['notified', null, null, undefined],
    ['refused', null, null, undefined],
    ['notified', null, '2026-06-01', undefined],
  ] as const)('%s at %s, immunity ending %s → %s', (status, immunityLevel, immunityEndsOn, expected) => {
    expect(immunityInForce(holder({ status, immunityLevel, immunityEndsOn }), TODAY)).toBe(expected);
  });

  it('is the accredited level while accredited, even with an expired card', () => {
    expect(immunityInForce(holder({ idCardExpiresOn: '2026-01-01' }), TODAY)).toBe('full');
  });

  it.each(IMMUNITY_LEVEL)('keeps an accredited %s level until immunity ends', (immunityLevel) => {
    expect(immunityInForce(holder({ immunityLevel }), TODAY)).toBe(immunityLevel);
    expect(immunityInForce(holder({ status: 'terminated', immunityLevel, immunityEndsOn: TODAY }), TODAY)).toBe(
      immunityLevel,
    );
  });
});

describe('verificationOf', () => {
  it('answers who holds the card, the level in force and the booklet guidance for it', () => {
    expect(verificationOf(holder(), 'Embassy of France', NOW)).toEqual({
      status: 'valid',
      name: 'Claire Martin',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: guidanceFor('diplomatic-agent', 'full'),
      immunityEndsOn: undefined,
      checkedAt: CHECKED_AT,
    });
    expect(
      verificationOf(holder({ category: 'consular-officer', immunityLevel: 'official-acts' }), 'Consulate', NOW),
    ).toMatchObject({
      status: 'valid',
      immunityLevel: 'official-acts',
      guidance: guidanceFor('consular-officer', 'official-acts'),
    });
  });

  it('keeps the guidance of an expired card: immunity follows the accreditation, not the card', () => {
    expect(verificationOf(holder({ idCardExpiresOn: '2026-01-01' }), 'Embassy of France', NOW)).toMatchObject({
      status: 'expired',
      immunityLevel: 'full',
      guidance: guidanceFor('diplomatic-agent', 'full'),
    });
  });

  it('reads the day in New York: at 20:00 and 23:59 Eastern a card and immunity still run until midnight', () => {
    // 2026-06-16T00:00Z and 03:59Z are the 15th in Washington, already the 16th in UTC.
    for (const evening of ['2026-06-16T00:00:00Z', '2026-06-16T03:59:59Z']) {
      const at = new Date(evening);
      expect(verificationOf(holder({ idCardExpiresOn: TODAY }), 'Embassy', at).status).toBe('valid');
      expect(verificationOf(holder({ status: 'terminated', immunityEndsOn: TODAY }), 'Embassy', at).immunityLevel).toBe(
        'full',
      );
    }
    // Midnight Eastern: the 16th, the card has expired and the immunity ended.
    const midnight = new Date('2026-06-16T04:00:00Z');
    expect(verificationOf(holder({ idCardExpiresOn: TODAY }), 'Embassy', midnight).status).toBe('expired');
    expect(
      verificationOf(holder({ status: 'terminated', immunityEndsOn: TODAY }), 'Embassy', midnight).immunityLevel,
    ).toBe('none');
  });

  it('answers terminated with the immunity still running, then with no immunity', () => {
    expect(
      verificationOf(holder({ status: 'terminated', immunityEndsOn: '2026-07-15' }), 'Embassy of France', NOW),
    ).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      guidance: guidanceFor('diplomatic-agent', 'full'),
      immunityEndsOn: '2026-07-15',
    });
    const over = verificationOf(holder({ status: 'terminated', immunityEndsOn: '2026-06-01' }), 'Embassy', NOW);
    expect(over).toMatchObject({
      status: 'terminated',
      immunityLevel: 'none',
      guidance: guidanceFor('diplomatic-agent', 'none'),
      immunityEndsOn: '2026-06-01',
    });
    expect(over.guidance?.arrest).toBe('May be arrested or detained');
  });

  it('gives a dependent the guidance of the level it shares', () => {
    const d = verificationOf(holder({ category: 'dependent', immunityLevel: 'full-criminal' }), 'Embassy', NOW);
    expect(d).toMatchObject({ category: 'dependent', immunityLevel: 'full-criminal' });
    expect(d.guidance).toEqual(guidanceFor('dependent', 'full-criminal'));
  });

  // The child's card expires the day before the 21st birthday (id-card.rules); from that birthday the
  // child is no longer family and shares none of the principal's immunity.
  describe('a child of a diplomatic agent', () => {
    const child = (over: Partial<VerifiedHolder> = {}) =>
      holder({
        category: 'dependent',
        relationship: 'child',
        dateOfBirth: '2005-06-15',
        immunityLevel: 'full',
        idCardExpiresOn: '2026-06-14',
        ...over,
      });

    it('aged out on the 21st birthday: expired, no immunity, the guidance of none', () => {
      expect(verificationOf(child(), 'Embassy', NOW)).toMatchObject({
        status: 'expired',
        immunityLevel: 'none',
        guidance: guidanceFor('dependent', 'none'),
      });
      expect(verificationOf(child(), 'Embassy', NOW).guidance?.arrest).toBe('May be arrested or detained');
    });

    it('the day before the 21st birthday still shares full immunity', () => {
      const eve = new Date('2026-06-14T15:00:00Z');
      expect(verificationOf(child(), 'Embassy', eve)).toMatchObject({
        status: 'valid',
        immunityLevel: 'full',
        guidance: guidanceFor('dependent', 'full'),
      });
    });

    it('in full-time study shares immunity until 23, a disabled child always', () => {
      expect(immunityInForce(child({ fullTimeStudent: true }), TODAY)).toBe('full');
      expect(immunityInForce(child({ fullTimeStudent: true, dateOfBirth: '2003-06-15' }), TODAY)).toBe('none');
      expect(immunityInForce(child({ disabled: true, dateOfBirth: '1990-01-01' }), TODAY)).toBe('full');
    });

    it('a spouse does not age out', () => {
      expect(immunityInForce(child({ relationship: 'spouse', dateOfBirth: '1950-01-01' }), TODAY)).toBe('full');
    });
  });

  it('tells a U.S.-national consular officer that official acts only are immune: may be arrested', () => {
    const answer = verificationOf(
      holder({ category: 'consular-officer', immunityLevel: 'official-acts', usCitizenOrPermanentResident: true }),
      'Consulate',
      NOW,
    );
    expect(answer.guidance?.arrest).toBe(
      'May be arrested or detained: immunity for official acts only, no personal inviolability (VCCR Art. 71(1))',
    );
  });

  it('answers unknown and nothing about a person for a card nobody holds', () => {
    expect(verificationOf(undefined, undefined, NOW)).toEqual({ status: 'unknown', checkedAt: CHECKED_AT });
  });

  it('answers unknown and nothing about a person for someone OFM never accredited', () => {
    expect(
      verificationOf(holder({ status: 'notified', immunityLevel: null, idCardExpiresOn: null }), 'Embassy', NOW),
    ).toEqual({ status: 'unknown', checkedAt: CHECKED_AT });
  });

  it('always allows a traffic ticket', () => {
    for (const immunityLevel of IMMUNITY_LEVEL) {
      expect(verificationOf(holder({ immunityLevel }), 'Embassy', NOW).guidance?.ticket).toBe(
        'May be issued a traffic citation',
      );
    }
  });
});

describe('a card number reported lost or stolen', () => {
  it.each([
    ['lost', 'reported-lost'],
    ['stolen', 'reported-stolen'],
  ] as const)('answers %s with who it was issued to', (kind, status) => {
    expect(verificationOf(holder(), 'Embassy of France', NOW, kind)).toMatchObject({
      status,
      name: 'Claire Martin',
      immunityLevel: 'full',
    });
  });

  it('answers unknown for someone OFM never accredited, reported or not', () => {
    expect(verificationOf(holder({ status: 'notified' }), 'Embassy', NOW, 'lost')).toEqual({
      status: 'unknown',
      checkedAt: CHECKED_AT,
    });
  });

  it('says reported even once the holder is terminated: the number itself is the finding', () => {
    expect(
      verificationOf(holder({ status: 'terminated', immunityEndsOn: '2026-06-01' }), 'E', NOW, 'stolen'),
    ).toMatchObject({
      status: 'reported-stolen',
      immunityLevel: 'none',
    });
  });
});

describe('reportedStatus', () => {
  it.each([
    ['lost', 'reported-lost'],
    ['stolen', 'reported-stolen'],
  ] as const)('a card reported %s verifies %s', (kind, status) => expect(reportedStatus(kind)).toBe(status));
});
