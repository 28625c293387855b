import { lawEnforcementNotice, lawEnforcementNotices, type NoticedHolder } from './law-enforcement.notice';

const now = new Date('2026-06-15T15:00:00Z');
const holder = (over: Partial<NoticedHolder> = {}): NoticedHolder => ({
  givenName: 'Claire',
  familyName: 'Martin',
  missionCountry: 'FR',
  category: 'diplomatic-agent',
  status: 'accredited',
  immunityLevel: 'full',
  immunityEndsOn: null,
  usCitizenOrPermanentResident: false,
  relationship: null,
  dateOfBirth: '1985-03-02',
  fullTimeStudent: false,
  disabled: false,
  idCard: { number: 'D000000042', expiresOn: '2029-06-14' },
  ...over,
});

describe('the law-enforcement notice', () => {
  it('carries the card number and what a verification answers, and nothing personal beyond the name', () => {
    const notice = lawEnforcementNotice('accredited', holder(), 'Embassy of France', now)!;
    expect(notice.subject).toBe('D000000042');
    expect(notice.data).toEqual({
      change: 'accredited',
      idCardNumber: 'D000000042',
      effectiveOn: '2026-06-15',
      verification: {
        status: 'valid',
        name: 'Claire Martin',
        mission: 'Embassy of France',
        country: 'FR',
        category: 'diplomatic-agent',
        immunityLevel: 'full',
        guidance: expect.objectContaining({ arrest: 'May not be arrested or detained' }),
        checkedAt: now.toISOString(),
      },
    });
    const text = JSON.stringify(notice.data);
    expect(text).not.toContain('1985-03-02');
    expect(text).not.toMatch(/dateOfBirth|address|missionId|pid/i);
  });

  it('says terminated with the day immunity ends, and the level until then', () => {
    const notice = lawEnforcementNotice(
      'terminated',
      holder({ status: 'terminated', immunityEndsOn: '2026-07-15' }),
      'Embassy of France',
      now,
    )!;
    expect(notice.data.verification).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      immunityEndsOn: '2026-07-15',
    });
  });

  it('says reported-lost for a card reported lost', () => {
    const notice = lawEnforcementNotice('card-reported-lost', holder(), 'Embassy of France', now, 'lost')!;
    expect(notice.data.verification.status).toBe('reported-lost');
  });

  it('is not sent for someone without a card, whom no officer can check', () => {
    expect(lawEnforcementNotice('accredited', holder({ idCard: null }), 'Embassy of France', now)).toBeUndefined();
    expect(
      lawEnforcementNotices('terminated', [holder({ idCard: { number: null } }), holder()], 'Embassy of France', now),
    ).toHaveLength(1);
  });
});
