import { isLateNotification, notificationDueBy, notificationRequired } from './notification.rules';

describe('notification of appointment', () => {
  it('is due 30 days after arrival', () => {
    expect(notificationDueBy({ arrivalDate: '2026-01-20' })).toBe('2026-02-19');
  });

  it.each([
    ['on the day of arrival', '2026-01-20', false],
    ['on day 30', '2026-02-19', false],
    ['on day 31', '2026-02-20', true],
    ['a year later', '2027-01-20', true],
    ['before arrival', '2026-01-01', false],
  ])('received %s is late: %s', (_what, notifiedOn, late) => {
    expect(isLateNotification({ arrivalDate: '2026-01-20' }, notifiedOn)).toBe(late);
  });

  it('is not required for a stay under 90 days, so it is never late', () => {
    const stay = { arrivalDate: '2026-01-20', expectedDepartureDate: '2026-04-19' }; // 89 days
    expect(notificationRequired(stay)).toBe(false);
    expect(isLateNotification(stay, '2026-04-01')).toBe(false);
  });

  it('is required for a stay of exactly 90 days or with no expected departure', () => {
    expect(notificationRequired({ arrivalDate: '2026-01-20', expectedDepartureDate: '2026-04-20' })).toBe(true);
    expect(notificationRequired({ arrivalDate: '2026-01-20', expectedDepartureDate: '' })).toBe(true);
    expect(notificationRequired({ arrivalDate: '2026-01-20' })).toBe(true);
  });
});
