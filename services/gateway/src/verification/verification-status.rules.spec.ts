import { plateStatus, shownImmunityLevel, verificationStatusOf } from './verification-status.rules';

const today = new Date('2026-11-28T15:00:00Z');

describe('verificationStatusOf', () => {
  it.each(['valid', 'expired', 'terminated', 'suspended', 'unknown'])('passes %s on', (status) => {
    expect(verificationStatusOf(status)).toBe(status);
  });

  it.each(['', undefined, 'accredited', 'VALID'])('reads %p as unknown', (status) => {
    expect(verificationStatusOf(status)).toBe('unknown');
  });
});

describe('plateStatus', () => {
  it.each([
    [{ registrationStatus: 'active', registrationExpiresOn: '2027-11-01' }, 'valid'],
    [{ registrationStatus: 'active', registrationExpiresOn: '2026-11-27' }, 'expired'],
    [{ registrationStatus: 'disposal-due', registrationExpiresOn: '2027-11-01' }, 'valid'],
    [{ registrationStatus: 'suspended', registrationExpiresOn: '2027-11-01' }, 'suspended'],
    [{ registrationStatus: 'pending-insurance' }, 'suspended'],
    [{ registrationStatus: 'disposed' }, 'terminated'],
    [{ registrationStatus: '' }, 'unknown'],
  ])('%j → %s', (facts, expected) => {
    expect(plateStatus(facts, today)).toBe(expected);
  });
});

describe('shownImmunityLevel', () => {
  it.each([
    ['full', '', 'full'],
    ['full', '2026-12-20', 'full'],
    ['full', '2026-11-28', 'full'],
    ['full', '2026-11-27', 'none'],
    ['', '', null],
    ['', '2026-11-01', 'none'],
  ])('level %p, immunity ending %p → %p', (level, endsOn, expected) => {
    expect(shownImmunityLevel(level, endsOn, today)).toBe(expected);
  });
});
