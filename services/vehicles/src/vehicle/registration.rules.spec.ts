import { REGISTRATION_STATUS } from '@ofm/contracts';
import {
  checkMemberOwner,
  checkMissionOwner,
  initialRegistrationStatus,
  modelYearErrors,
  nextRegistrationStatus,
  checkRenewal,
  renewedExpiresOn,
  registrationExpiresOn,
} from './registration.rules';

describe('model year', () => {
  it('runs at most one year ahead of the calendar', () => {
    expect(modelYearErrors(2026, 2025)).toEqual([]);
    expect(modelYearErrors(1886, 2025)).toEqual([]);
    expect(modelYearErrors(2027, 2025)).toEqual([
      { field: 'year', message: 'must be a model year no later than 2026' },
    ]);
  });
});

describe('owner rules', () => {
  const activeMission = { id: 'x1', status: 'active' };
  const accredited = { id: 'm1', status: 'accredited', category: 'diplomatic-agent' };

  it('lets an accredited member of an active mission register', () => {
    expect(checkMemberOwner(accredited, activeMission)).toBeUndefined();
  });

  it.each(['notified', 'refused', 'terminated', ''])('refuses a %j member with owner-not-accredited', (status) => {
    expect(checkMemberOwner({ ...accredited, status }, activeMission)).toEqual({
      rule: 'owner-not-accredited',
      detail: expect.stringContaining('not accredited'),
    });
  });

  it.each(['locally-employed', 'domestic-worker', 'honorary-consular-officer'])(
    'refuses %s, who get no diplomatic registration',
    (category) => {
      expect(checkMemberOwner({ ...accredited, category }, activeMission)).toEqual({
        rule: 'owner-not-eligible',
        detail: expect.stringContaining(category),
      });
    },
  );

  it('refuses a U.S. citizen or permanent resident, whatever the category, naming the rule', () => {
    expect(checkMemberOwner({ ...accredited, usCitizenOrPermanentResident: true }, activeMission)).toEqual({
      rule: 'owner-us-citizen-or-permanent-resident',
      detail: expect.stringContaining('U.S. citizen or permanent resident'),
    });
    expect(checkMemberOwner({ ...accredited, usCitizenOrPermanentResident: false }, activeMission)).toBeUndefined();
  });

  it.each(['locally-employed', 'domestic-worker'])('refuses %s, who are outside the vehicle program', (category) => {
    expect(checkMemberOwner({ ...accredited, category }, activeMission)?.rule).toBe('owner-not-eligible');
  });

  it('refuses when the mission is not active or not known', () => {
    expect(checkMemberOwner(accredited, { id: 'x1', status: 'suspended' })?.rule).toBe('mission-not-active');
    expect(checkMemberOwner(accredited, undefined)).toEqual({
      rule: 'mission-not-active',
      detail: 'the mission is unknown, not active',
    });
    expect(checkMissionOwner({ id: 'x1', status: 'closed' })?.rule).toBe('mission-not-active');
    expect(checkMissionOwner(activeMission)).toBeUndefined();
  });
});

describe('registration period', () => {
  it('is valid one year', () => {
    expect(registrationExpiresOn('2025-06-15')).toBe('2026-06-15');
    expect(registrationExpiresOn('2024-02-29')).toBe('2025-02-28');
  });
});

describe('renewal', () => {
  const active = (expiresOn: string) => ({ status: 'active' as const, expiresOn });

  it('opens 90 days before the expiry and stays open after it', () => {
    expect(checkRenewal(active('2026-06-01'), '2026-03-03')).toBeUndefined();
    expect(checkRenewal(active('2026-06-01'), '2026-03-02')).toEqual({
      rule: 'registration-renewal-too-early',
      detail: 'the registration expires on 2026-06-01; renewal opens on 2026-03-03',
    });
    expect(checkRenewal(active('2026-06-01'), '2026-08-01')).toBeUndefined();
    expect(checkRenewal({ status: 'suspended', expiresOn: '2026-06-01' }, '2026-05-01')).toBeUndefined();
  });

  it('is refused once the vehicle leaves the program', () => {
    for (const status of ['disposal-due', 'disposed'] as const) {
      expect(checkRenewal({ status, expiresOn: '2026-06-01' }, '2026-05-01')?.rule).toBe('registration-not-renewable');
    }
  });

  it('adds a year to the later of the expiry and today', () => {
    expect(renewedExpiresOn('2026-06-01', '2026-05-01')).toBe('2027-06-01');
    expect(renewedExpiresOn('2026-06-01', '2026-08-10')).toBe('2027-08-10');
  });
});

describe('registration status machine', () => {
  it('starts pending insurance, except a trailer, which needs none', () => {
    expect(initialRegistrationStatus('car')).toBe('pending-insurance');
    expect(initialRegistrationStatus('motorcycle')).toBe('pending-insurance');
    expect(initialRegistrationStatus('trailer')).toBe('active');
  });

  it('follows insurance: recorded → active, lapsed → suspended, recorded again → active', () => {
    expect(nextRegistrationStatus('pending-insurance', 'insurance-recorded')).toBe('active');
    expect(nextRegistrationStatus('active', 'insurance-recorded')).toBe('active');
    expect(nextRegistrationStatus('active', 'insurance-lapsed')).toBe('suspended');
    expect(nextRegistrationStatus('suspended', 'insurance-recorded')).toBe('active');
  });

  it('makes every registration not yet disposed disposal-due when the owner is terminated', () => {
    for (const status of ['pending-insurance', 'active', 'suspended'] as const) {
      expect(nextRegistrationStatus(status, 'owner-terminated')).toBe('disposal-due');
    }
    expect(nextRegistrationStatus('disposal-due', 'owner-terminated')).toBeUndefined();
    expect(nextRegistrationStatus('disposed', 'owner-terminated')).toBeUndefined();
  });

  it('disposes only what is disposal-due', () => {
    expect(nextRegistrationStatus('disposal-due', 'disposal-recorded')).toBe('disposed');
    // A vehicle may be sold or exported while its owner still serves.
    expect(nextRegistrationStatus('active', 'disposal-recorded')).toBe('disposed');
  });

  it('refuses what does not apply', () => {
    expect(nextRegistrationStatus('pending-insurance', 'insurance-lapsed')).toBeUndefined();
    expect(nextRegistrationStatus('suspended', 'insurance-lapsed')).toBeUndefined();
    expect(nextRegistrationStatus('disposal-due', 'insurance-recorded')).toBeUndefined();
    for (const event of ['insurance-recorded', 'insurance-lapsed', 'owner-terminated', 'disposal-recorded'] as const) {
      expect(nextRegistrationStatus('disposed', event)).toBeUndefined();
    }
  });

  it('knows every status', () => {
    for (const status of REGISTRATION_STATUS) {
      expect(() => nextRegistrationStatus(status, 'insurance-recorded')).not.toThrow();
    }
  });
});
