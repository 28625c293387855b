import { REGISTRATION_STATUS, VERIFICATION_STATUS, type RegistrationStatus } from '@ofm/contracts';
import {
  PLATE_GUIDANCE,
  PLATE_NOTE,
  plateStatus,
  plateVerification,
  REPLACED_PLATE_NOTE,
  replacedPlateVerification,
  unknownPlateVerification,
  type PlateFacts,
} from './plate-verification.rules';

const today = '2026-03-10';
const registration = (registrationStatus: RegistrationStatus, expiresOn = '2026-09-01') => ({
  registrationStatus,
  expiresOn,
});

describe('plateStatus', () => {
  it.each([
    ['active', 'valid'],
    ['pending-insurance', 'suspended'],
    ['suspended', 'suspended'],
    ['disposal-due', 'terminated'],
    ['disposed', 'disposed'],
  ] as const)('a %s registration in force verifies as %s', (status, expected) => {
    expect(plateStatus(registration(status), today)).toBe(expected);
  });

  it('never verifies a registration without valid insurance, or whose owner was terminated, as valid', () => {
    for (const status of ['pending-insurance', 'suspended', 'disposal-due', 'disposed'] as const) {
      expect(plateStatus(registration(status), today)).not.toBe('valid');
      expect(plateStatus(registration(status, '2026-03-09'), today)).not.toBe('valid');
    }
  });

  it('is valid through the expiry date itself and expired from the day after', () => {
    expect(plateStatus(registration('active', '2026-03-11'), today)).toBe('valid');
    expect(plateStatus(registration('active', today), today)).toBe('valid');
    expect(plateStatus(registration('active', '2026-03-09'), today)).toBe('expired');
  });

  it('says expired for an expired registration that is also suspended or pending insurance', () => {
    expect(plateStatus(registration('suspended', '2026-03-09'), today)).toBe('expired');
    expect(plateStatus(registration('pending-insurance', '2026-03-09'), today)).toBe('expired');
    expect(plateStatus(registration('suspended', today), today)).toBe('suspended');
  });

  it('lets termination and disposal decide over the expiry date', () => {
    expect(plateStatus(registration('disposal-due', '2025-01-01'), today)).toBe('terminated');
    expect(plateStatus(registration('disposed', '2025-01-01'), today)).toBe('disposed');
  });

  it('answers a status for every registration status, in the verification words', () => {
    for (const status of REGISTRATION_STATUS) {
      expect(VERIFICATION_STATUS).toContain(plateStatus(registration(status), today));
    }
    expect(plateStatus(registration('scrapped' as RegistrationStatus), today)).toBe('unknown');
  });
});

describe('plateVerification', () => {
  const vehicle: PlateFacts = {
    plate: 'DEA0001',
    registrationStatus: 'active',
    expiresOn: '2026-09-01',
    insuranceStatus: 'insured',
    make: 'Toyota',
    model: 'Camry',
    year: 2024,
    vin: '1HGCM82633A004352',
  };
  const checkedAt = new Date('2026-03-10T14:00:00.000Z');

  it("names the mission, the plate, its registration and insurance, and sends the officer to the driver's ID card", () => {
    expect(plateVerification(vehicle, { name: 'Embassy of France', country: 'FR' }, today, checkedAt)).toEqual({
      status: 'valid',
      name: undefined,
      category: undefined,
      immunityLevel: undefined,
      immunityEndsOn: undefined,
      mission: 'Embassy of France',
      country: 'FR',
      guidance: {
        arrest: "Depends on the driver: verify the driver's ID card",
        residenceInviolable: "Depends on the driver: verify the driver's ID card",
        prosecution: "Depends on the driver: verify the driver's ID card",
        ticket: 'May be issued a traffic citation',
      },
      plate: 'DEA0001',
      registration: { status: 'active', expiresOn: '2026-09-01' },
      insuranceStatus: 'insured',
      note: "Immunity belongs to the driver, not the vehicle: verify the driver's ID card (?idCard=).",
      vehicle: { make: 'Toyota', model: 'Camry', year: 2024, vin: '1HGCM82633A004352' },
      checkedAt: '2026-03-10T14:00:00.000Z',
    });
  });

  it('never verifies a suspended, disposal-due or disposed plate as valid, and names no owner for any', () => {
    for (const registrationStatus of ['suspended', 'pending-insurance', 'disposal-due', 'disposed'] as const) {
      const answer = plateVerification({ ...vehicle, registrationStatus }, undefined, today, checkedAt);
      expect(answer.status).not.toBe('valid');
      expect(answer).toMatchObject({ name: undefined, category: undefined, immunityLevel: undefined });
      expect(answer.guidance).toEqual(PLATE_GUIDANCE);
    }
  });

  it('answers a replaced plate reported-stolen, with the vehicle it was issued to and no registration', () => {
    const answer = replacedPlateVerification(
      'DEA0001',
      vehicle,
      { name: 'Embassy of France', country: 'FR' },
      checkedAt,
    );
    expect(answer).toEqual({
      status: 'reported-stolen',
      mission: 'Embassy of France',
      country: 'FR',
      guidance: PLATE_GUIDANCE,
      plate: 'DEA0001',
      note: REPLACED_PLATE_NOTE,
      vehicle: { make: 'Toyota', model: 'Camry', year: 2024, vin: '1HGCM82633A004352' },
      checkedAt: '2026-03-10T14:00:00.000Z',
    });
    expect(answer.registration).toBeUndefined();
    expect(answer.name).toBeUndefined();
  });

  it('gives the same guidance and note whatever the status', () => {
    const answer = plateVerification(
      { ...vehicle, registrationStatus: 'suspended', insuranceStatus: 'lapsed' },
      undefined,
      today,
      checkedAt,
    );
    expect(answer).toMatchObject({
      status: 'suspended',
      guidance: PLATE_GUIDANCE,
      note: PLATE_NOTE,
      insuranceStatus: 'lapsed',
    });
    // The replica has not heard of the mission yet: absent, never ''.
    expect(answer.mission).toBeUndefined();
    expect(answer.country).toBeUndefined();
  });

  it('answers an unknown plate with its status and the time only', () => {
    expect(unknownPlateVerification('DZZ9999', checkedAt)).toEqual({
      status: 'unknown',
      plate: 'DZZ9999',
      checkedAt: '2026-03-10T14:00:00.000Z',
    });
  });
});
