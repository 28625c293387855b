import { idCardStatus, plateStatus } from './verification-status.rules';

const today = new Date('2026-11-28T15:00:00Z');

describe('idCardStatus', () => {
  it.each([
    [{ status: 'accredited', idCardExpiresOn: '2027-01-01' }, 'valid'],
    [{ status: 'accredited', idCardExpiresOn: '2026-11-28' }, 'valid'],
    [{ status: 'accredited', idCardExpiresOn: '2026-11-27' }, 'expired'],
    [{ status: 'accredited' }, 'unknown'],
    [{ status: 'terminated', idCardExpiresOn: '2027-01-01', immunityEndsOn: '2026-12-20' }, 'terminated'],
    [{ status: 'accredited', idCardExpiresOn: '2027-01-01', immunityEndsOn: '2026-11-01' }, 'terminated'],
    [{ status: 'notified' }, 'unknown'],
    [{ status: 'refused' }, 'unknown'],
  ])('%j → %s', (facts, expected) => {
    expect(idCardStatus(facts, today)).toBe(expected);
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
