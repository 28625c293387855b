import {
  validateAccreditRequest,
  validateAppointment,
  validateTermination,
  type AppointmentRequest,
} from './member-request.rules';

const TODAY = '2026-06-15';
const MISSION = '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70';
const PRINCIPAL = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const request = (over: Partial<AppointmentRequest> = {}): AppointmentRequest => ({
  missionId: MISSION,
  givenName: 'Claire',
  familyName: 'Martin',
  dateOfBirth: '1985-03-02',
  nationality: 'FR',
  category: 'diplomatic-agent',
  title: 'First Secretary',
  visaClass: 'A-1',
  passportType: 'diplomatic',
  arrivalDate: '2026-05-01',
  expectedDepartureDate: '',
  usCitizenOrPermanentResident: false,
  weeklyHours: 40,
  transferPolicyAttested: false,
  principalId: '',
  relationship: '',
  residesInWashingtonMetro: true,
  commercialActivity: false,
  pendingSeriousCharge: false,
  fullTimeStudent: false,
  disabled: false,
  ...over,
});

const fields = (r: ReturnType<typeof validateAppointment>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('validateAppointment', () => {
  it('accepts a complete notification', () => {
    expect(validateAppointment(request(), TODAY).ok).toBe(true);
  });

  it('normalizes codes to their canonical case', () => {
    const r = validateAppointment(
      request({
        nationality: 'fr',
        visaClass: 'a-1',
        passportType: 'Diplomatic',
        category: ' Diplomatic-Agent ',
        missionId: MISSION.toUpperCase(),
      }),
      TODAY,
    );
    expect(r.ok && r.value).toMatchObject({
      nationality: 'FR',
      visaClass: 'A-1',
      passportType: 'diplomatic',
      category: 'diplomatic-agent',
      missionId: MISSION,
    });
  });

  it('names every missing required field', () => {
    const r = validateAppointment(
      request({
        missionId: '',
        givenName: ' ',
        familyName: '',
        dateOfBirth: '',
        nationality: '',
        category: '',
        arrivalDate: '',
      }),
      TODAY,
    );
    expect(fields(r)).toEqual([
      'missionId',
      'givenName',
      'familyName',
      'dateOfBirth',
      'nationality',
      'category',
      'arrivalDate',
    ]);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(Array(7).fill('is required'));
  });

  it.each([
    [{ missionId: 'mission-1' }, 'missionId'],
    [{ dateOfBirth: '1985-02-30' }, 'dateOfBirth'],
    [{ dateOfBirth: '2027-01-01' }, 'dateOfBirth'],
    [{ nationality: 'FRA' }, 'nationality'],
    [{ category: 'ambassador' }, 'category'],
    [{ visaClass: 'B-2' }, 'visaClass'],
    [{ passportType: 'service' }, 'passportType'],
    [{ arrivalDate: '01/05/2026' }, 'arrivalDate'],
    [{ arrivalDate: '1980-01-01' }, 'arrivalDate'],
    [{ expectedDepartureDate: '2026-04-01' }, 'expectedDepartureDate'],
    [{ weeklyHours: -1 }, 'weeklyHours'],
    [{ weeklyHours: 169 }, 'weeklyHours'],
    [{ weeklyHours: Number.NaN }, 'weeklyHours'],
    [{ title: 'x'.repeat(101) }, 'title'],
    [{ principalId: PRINCIPAL }, 'principalId'],
    [{ relationship: 'spouse' }, 'relationship'],
  ] as [Partial<AppointmentRequest>, string][])('rejects %j on %s', (over, field) => {
    expect(fields(validateAppointment(request(over), TODAY))).toEqual([field]);
  });

  it('requires a principal and a relationship for a dependent', () => {
    expect(fields(validateAppointment(request({ category: 'dependent' }), TODAY))).toEqual([
      'principalId',
      'relationship',
    ]);
    expect(
      fields(validateAppointment(request({ category: 'dependent', principalId: 'x', relationship: 'cousin' }), TODAY)),
    ).toEqual(['principalId', 'relationship']);
    expect(
      validateAppointment(request({ category: 'dependent', principalId: PRINCIPAL, relationship: 'Child' }), TODAY).ok,
    ).toBe(true);
  });
});

describe('validateTermination', () => {
  it('accepts an effective date and a reason', () => {
    expect(
      validateTermination({ effectiveDate: '2026-07-01', reason: 'end of tour', departureDate: '' }, '2026-05-01'),
    ).toEqual({
      ok: true,
      value: { effectiveDate: '2026-07-01', reason: 'end of tour', departureDate: '' },
    });
  });

  it('names each bad field', () => {
    const r = validateTermination({ effectiveDate: '', reason: '', departureDate: 'soon' }, '2026-05-01');
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['effectiveDate', 'reason', 'departureDate']);
  });

  it('rejects dates before the arrival', () => {
    const r = validateTermination(
      { effectiveDate: '2026-04-01', reason: 'x', departureDate: '2026-04-02' },
      '2026-05-01',
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['effectiveDate', 'departureDate']);
  });
});

describe('validateAccreditRequest', () => {
  it('accepts an accredit decision', () => {
    expect(validateAccreditRequest({ id: PRINCIPAL, decision: 'accredit', expectedVersion: 0 })).toEqual([]);
  });

  it('names id, decision and version', () => {
    expect(validateAccreditRequest({ id: '', decision: 'refuse', expectedVersion: -1 }).map((e) => e.field)).toEqual([
      'id',
      'decision',
      'expectedVersion',
    ]);
  });
});
