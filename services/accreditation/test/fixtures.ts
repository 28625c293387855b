import { ofmDay } from '@ofm/kernel';

// Requests the integration suites send: a real embassy and a First Secretary who meets the criteria.

export const mission = (over: Record<string, unknown> = {}) => ({
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Rd NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9126, lon: -77.0761 },
  ...over,
});

// OFM's day, as the service reads it (after 20:00 Eastern the UTC date is already tomorrow).
export const today = ofmDay(new Date());

export const diplomat = (missionId: string, over: Record<string, unknown> = {}) => ({
  missionId,
  givenName: 'Claire',
  familyName: 'Martin',
  dateOfBirth: '1985-03-02',
  nationality: 'FR',
  category: 'diplomatic-agent',
  title: 'First Secretary',
  visaClass: 'A-1',
  passportType: 'diplomatic',
  arrivalDate: today,
  usCitizenOrPermanentResident: false,
  weeklyHours: 40,
  transferPolicyAttested: false,
  residesInWashingtonMetro: true,
  commercialActivity: false,
  pendingSeriousCharge: false,
  fullTimeStudent: false,
  disabled: false,
  ...over,
});

// The First Secretary's husband, a dependent of the principal given.
export const spouseOf = (missionId: string, principalId: string, over: Record<string, unknown> = {}) =>
  diplomat(missionId, {
    givenName: 'Louis',
    category: 'dependent',
    title: undefined,
    principalId,
    relationship: 'spouse',
    weeklyHours: 0,
    ...over,
  });
