// Demo staff for the demo embassies: two diplomatic agents, an A&T staff member and the spouse of the
// first diplomat. Everyone meets the accreditation criteria of DOMAIN.md so that the seed accredits them.
export interface DemoPerson {
  slot: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

const PEOPLE: Record<string, DemoPerson[]> = {
  FR: [
    { slot: 'da1', givenName: 'Claire', familyName: 'Moreau', dateOfBirth: '1974-03-18' },
    { slot: 'da2', givenName: 'Julien', familyName: 'Lefèvre', dateOfBirth: '1986-11-02' },
    { slot: 'at1', givenName: 'Sophie', familyName: 'Girard', dateOfBirth: '1990-06-25' },
    { slot: 'sp1', givenName: 'Marc', familyName: 'Moreau', dateOfBirth: '1972-09-09' },
  ],
  DE: [
    { slot: 'da1', givenName: 'Katrin', familyName: 'Becker', dateOfBirth: '1971-01-30' },
    { slot: 'da2', givenName: 'Tobias', familyName: 'Schmitt', dateOfBirth: '1984-07-14' },
    { slot: 'at1', givenName: 'Lena', familyName: 'Hoffmann', dateOfBirth: '1992-02-11' },
    { slot: 'sp1', givenName: 'Andreas', familyName: 'Becker', dateOfBirth: '1970-05-05' },
  ],
  JP: [
    { slot: 'da1', givenName: 'Hiroshi', familyName: 'Tanaka', dateOfBirth: '1969-08-21' },
    { slot: 'da2', givenName: 'Yuki', familyName: 'Sato', dateOfBirth: '1988-04-03' },
    { slot: 'at1', givenName: 'Kenji', familyName: 'Watanabe', dateOfBirth: '1991-12-17' },
    { slot: 'sp1', givenName: 'Aiko', familyName: 'Tanaka', dateOfBirth: '1972-10-08' },
  ],
  BR: [
    { slot: 'da1', givenName: 'Fernanda', familyName: 'Oliveira', dateOfBirth: '1976-05-27' },
    { slot: 'da2', givenName: 'Rafael', familyName: 'Costa', dateOfBirth: '1985-09-19' },
    { slot: 'at1', givenName: 'Camila', familyName: 'Pereira', dateOfBirth: '1993-03-08' },
    { slot: 'sp1', givenName: 'Ricardo', familyName: 'Oliveira', dateOfBirth: '1974-12-01' },
  ],
  KE: [
    { slot: 'da1', givenName: 'Wanjiru', familyName: 'Kamau', dateOfBirth: '1973-02-14' },
    { slot: 'da2', givenName: 'Otieno', familyName: 'Odhiambo', dateOfBirth: '1987-06-30' },
    { slot: 'at1', givenName: 'Achieng', familyName: 'Njoroge', dateOfBirth: '1990-10-22' },
    { slot: 'sp1', givenName: 'Peter', familyName: 'Kamau', dateOfBirth: '1971-07-07' },
  ],
};

export interface DemoMemberPlan {
  slot: string;
  // Slot of the principal whose id goes into principalId (dependents only).
  principalSlot?: string;
  body: Record<string, unknown>;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);

export const demoMembersFor = (country: string, missionId: string, today: Date = new Date()): DemoMemberPlan[] => {
  const people = PEOPLE[country];
  if (!people) return [];
  const byslot = Object.fromEntries(people.map((p) => [p.slot, p]));
  // Arrived two weeks ago: inside the 30-day notification window, so no late-notification flag.
  const common = {
    missionId,
    nationality: country,
    arrivalDate: isoDay(addDays(today, -14)),
    expectedDepartureDate: isoDay(addDays(today, 3 * 365)),
    usCitizenOrPermanentResident: false,
    residesInWashingtonMetro: true,
    commercialActivity: false,
    pendingSeriousCharge: false,
    transferPolicyAttested: true,
  };
  const person = (slot: string) => {
    const p = byslot[slot]!;
    return { givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth };
  };
  return [
    {
      slot: 'da1',
      body: {
        ...common,
        ...person('da1'),
        category: 'diplomatic-agent',
        title: 'Minister-Counselor',
        visaClass: 'A-1',
        passportType: 'diplomatic',
        weeklyHours: 40,
      },
    },
    {
      slot: 'da2',
      body: {
        ...common,
        ...person('da2'),
        category: 'diplomatic-agent',
        title: 'First Secretary',
        visaClass: 'A-1',
        passportType: 'diplomatic',
        weeklyHours: 40,
      },
    },
    {
      slot: 'at1',
      body: {
        ...common,
        ...person('at1'),
        category: 'administrative-technical',
        title: 'Administrative Officer',
        visaClass: 'A-2',
        passportType: 'official',
        weeklyHours: 40,
      },
    },
    {
      slot: 'sp1',
      principalSlot: 'da1',
      body: {
        ...common,
        ...person('sp1'),
        category: 'dependent',
        relationship: 'spouse',
        visaClass: 'A-1',
        passportType: 'diplomatic',
        weeklyHours: 0,
      },
    },
  ];
};
