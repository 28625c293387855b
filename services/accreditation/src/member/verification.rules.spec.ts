import { cardStatus } from './verification.rules';

describe('cardStatus', () => {
  it.each([
    ['accredited', '2027-01-01', 'valid'],
    ['accredited', '2026-06-15', 'valid'],
    ['accredited', '2026-06-14', 'expired'],
    ['accredited', null, 'unknown'],
    ['terminated', '2027-01-01', 'terminated'],
    ['notified', null, 'unknown'],
    ['refused', null, 'unknown'],
  ] as const)('%s member with a card expiring %s → %s', (status, idCardExpiresOn, expected) => {
    expect(cardStatus({ status, idCardExpiresOn }, '2026-06-15')).toBe(expected);
  });
});
