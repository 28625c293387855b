import {
  checkMemberOwner,
  checkMissionOwner,
  initialRegistrationStatus,
  isValidVin,
  nextRegistrationStatus,
  normalizeVin,
  registrationExpiresOn,
  validateOwnerReference,
  validateVehicleDescription,
  type VehicleDescription,
} from './registration.rules';
import { REGISTRATION_STATUSES } from './vehicle-kind';

const vehicle = (overrides: Partial<VehicleDescription> = {}): VehicleDescription => ({
  vin: '1HGCM82633A004352',
  make: 'Honda',
  model: 'Accord',
  year: 2024,
  kind: 'car',
  ...overrides,
});

describe('VIN', () => {
  it('accepts 17 letters and digits without I, O, Q, in any case and with surrounding blanks', () => {
    expect(isValidVin('1HGCM82633A004352')).toBe(true);
    expect(isValidVin(' 1hgcm82633a004352 ')).toBe(true);
    expect(normalizeVin(' 1hgcm82633a004352 ')).toBe('1HGCM82633A004352');
  });

  it.each([
    '1HGCM82633A00435',
    '1HGCM82633A0043521',
    '1HGCM82633I004352',
    '1HGCM82633O004352',
    '1HGCM82633Q004352',
    '1HGCM82633A00435-',
    '',
  ])('rejects %j', (vin) => {
    expect(isValidVin(vin)).toBe(false);
  });
});

describe('validateVehicleDescription', () => {
  it('accepts a complete description', () => {
    expect(validateVehicleDescription(vehicle(), 2025)).toEqual([]);
    expect(validateVehicleDescription(vehicle({ kind: 'motorcycle', year: 2026 }), 2025)).toEqual([]);
    expect(validateVehicleDescription(vehicle({ kind: 'trailer', year: 1886 }), 2025)).toEqual([]);
  });

  it('names every bad field', () => {
    expect(validateVehicleDescription({ vin: 'X', make: '', model: ' ', year: 0, kind: 'boat' }, 2025)).toEqual([
      { field: 'vin', message: 'must be 17 letters and digits, without I, O or Q' },
      { field: 'make', message: 'required' },
      { field: 'model', message: 'required' },
      { field: 'year', message: 'must be a model year from 1886 to 2026' },
      { field: 'kind', message: 'must be one of car, motorcycle, trailer' },
    ]);
  });

  it.each([1885, 2027, 2024.5])('rejects the model year %s', (year) => {
    expect(validateVehicleDescription(vehicle({ year }), 2025).map((e) => e.field)).toEqual(['year']);
  });
});

describe('validateOwnerReference', () => {
  it('needs exactly one owner', () => {
    expect(validateOwnerReference('m1', '')).toEqual([]);
    expect(validateOwnerReference('', 'x1')).toEqual([]);
    expect(validateOwnerReference('m1', 'x1')).toEqual([
      { field: 'ownerMemberId', message: expect.stringContaining('not both') },
    ]);
    expect(validateOwnerReference('', '')).toEqual([
      { field: 'ownerMemberId', message: expect.stringContaining('required') },
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
    expect(nextRegistrationStatus('active', 'disposal-recorded')).toBeUndefined();
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
    for (const status of REGISTRATION_STATUSES) {
      expect(() => nextRegistrationStatus(status, 'insurance-recorded')).not.toThrow();
    }
  });
});
