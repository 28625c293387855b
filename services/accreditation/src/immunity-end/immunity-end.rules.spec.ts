import { immunityEndToAnnounce } from './immunity-end.rules';

describe('immunity ended', () => {
  const member = { status: 'terminated', immunityEndsOn: '2026-03-31' };

  it('is announced from the day after immunityEndsOn', () => {
    expect(immunityEndToAnnounce(member, null, '2026-03-31')).toBe(false);
    expect(immunityEndToAnnounce(member, null, '2026-04-01')).toBe(true);
    expect(immunityEndToAnnounce(member, { immunityEndAnnouncedAt: null }, '2026-05-01')).toBe(true);
  });

  it('is announced once', () => {
    expect(immunityEndToAnnounce(member, { immunityEndAnnouncedAt: new Date() }, '2026-04-01')).toBe(false);
  });

  it('is never announced for a member not terminated', () => {
    expect(immunityEndToAnnounce({ status: 'accredited', immunityEndsOn: null }, null, '2026-04-01')).toBe(false);
  });
});
