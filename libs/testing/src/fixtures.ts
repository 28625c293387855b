import { addDays, ofmDay } from '@ofm/kernel';

// Shared by the end-to-end tests and the benchmarks (one embassy, one First Secretary, one car).

// Requests an embassy clerk and an OFM officer would send, with real mission data.
export const embassyOfFrance = {
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9126, lon: -77.0787 },
};

export const embassyOfGermany = {
  name: 'Embassy of Germany',
  country: 'DE',
  type: 'embassy',
  address: { line1: '4645 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9145, lon: -77.0869 },
};

export function firstSecretary(missionId: string, arrivalDate: string) {
  return {
    missionId,
    givenName: 'Claire',
    familyName: 'Dubois',
    dateOfBirth: '1984-03-12',
    nationality: 'FR',
    category: 'diplomatic-agent',
    title: 'First Secretary',
    visaClass: 'A-1',
    passportType: 'diplomatic',
    arrivalDate,
    usCitizenOrPermanentResident: false,
    weeklyHours: 40,
    transferPolicyAttested: true,
    residesInWashingtonMetro: true,
    commercialActivity: false,
    pendingSeriousCharge: false,
  };
}

export const car = (ownerMemberId: string) => ({
  ownerMemberId,
  vin: '1HGCM82633A004352',
  make: 'Honda',
  model: 'Accord',
  year: 2024,
  kind: 'car',
});

// Days as OFM counts them (America/New_York), so the suite means the same after 20:00 Eastern.
export const isoDate = (offsetDays = 0): string => addDays(ofmDay(new Date()), offsetDays);

export const carInsurance = () => ({
  insurer: 'Clements Worldwide',
  policyNumber: 'CW-2026-000123',
  effectiveDate: isoDate(-1),
  expirationDate: isoDate(364),
  combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
});
