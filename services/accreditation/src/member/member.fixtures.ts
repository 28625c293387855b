import type { MemberFacts, MissionFacts, PrincipalFacts } from './member.facts';

// Builders for the rule specs: a member who meets every diplomatic-agent criterion, so each test
// changes exactly the fact it is about. Facts a notification may leave out are null, as stored.
export const TODAY = '2026-06-15';

export const embassy: MissionFacts = { type: 'embassy', country: 'FR' };

export const diplomat = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  category: 'diplomatic-agent',
  nationality: 'FR',
  usCitizenOrPermanentResident: false,
  passportType: 'diplomatic',
  title: 'First Secretary',
  visaClass: 'A-1',
  dateOfBirth: '1985-03-02',
  residesInWashingtonMetro: true,
  weeklyHours: 40,
  commercialActivity: false,
  pendingSeriousCharge: false,
  transferPolicyAttested: false,
  relationship: null,
  fullTimeStudent: false,
  disabled: false,
  sameSexSpouse: false,
  ...over,
});

export const principal = (over: Partial<PrincipalFacts> = {}): PrincipalFacts => ({
  category: 'diplomatic-agent',
  usCitizenOrPermanentResident: false,
  visaClass: 'A-1',
  status: 'accredited',
  immunityLevel: 'full',
  ...over,
});

export const dependent = (over: Partial<MemberFacts> = {}): MemberFacts =>
  diplomat({
    category: 'dependent',
    title: null,
    passportType: 'diplomatic',
    relationship: 'spouse',
    weeklyHours: null,
    residesInWashingtonMetro: true,
    ...over,
  });
