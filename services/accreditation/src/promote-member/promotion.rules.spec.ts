import type { MemberEntity } from '../member/member.entity';
import { promotedFacts, promotionProblems, promotionTermination } from './promotion.rules';

const at = { category: 'administrative-technical' as const, arrivalDate: '2025-09-01', title: 'Attaché' };

describe('promotionProblems', () => {
  it('accepts A&T to diplomatic agent with a diplomatic title, on or after arrival', () => {
    expect(
      promotionProblems(at, { category: 'diplomatic-agent', title: 'Third Secretary', startsOn: '2025-09-01' }),
    ).toEqual([]);
    // The title held is kept when none is given, and checked.
    expect(promotionProblems(at, { category: 'diplomatic-agent', startsOn: '2026-12-01' })).toEqual([]);
  });

  it('refuses a change that keeps the appointment, sending it to the change notification', () => {
    expect(promotionProblems(at, { category: 'service-staff', startsOn: '2026-12-01' })).toEqual([
      {
        field: 'category',
        message:
          'A change from administrative-technical to service-staff keeps the appointment: notify it as a change (POST /members/{id}/changes)',
      },
    ]);
  });

  it('promotes only principals, never to a dependent', () => {
    const problem = { field: 'category', message: 'Only a principal is promoted, and never to a dependent' };
    expect(
      promotionProblems({ ...at, category: 'dependent' }, { category: 'diplomatic-agent', startsOn: '2026-12-01' }),
    ).toContainEqual(problem);
    expect(promotionProblems(at, { category: 'dependent', startsOn: '2026-12-01' })).toEqual([problem]);
  });

  it('names a start before the arrival and a title that is not diplomatic', () => {
    const problems = promotionProblems(at, { category: 'diplomatic-agent', title: 'Driver', startsOn: '2025-08-31' });
    expect(problems.map((p) => p.field)).toEqual(['startsOn', 'title']);
    expect(problems[0]!.message).toBe('startsOn must not be before the arrival date');
  });

  it('a diplomatic agent leaving the rank needs no diplomatic title', () => {
    const diplomat = { category: 'diplomatic-agent' as const, arrivalDate: '2025-09-01', title: 'Counselor' };
    expect(
      promotionProblems(diplomat, { category: 'administrative-technical', title: 'Clerk', startsOn: '2026-12-01' }),
    ).toEqual([]);
  });
});

describe('promotionTermination', () => {
  it('ends the appointment and its immunity on the day the new one starts: no gap', () => {
    expect(promotionTermination('2026-12-01')).toEqual({
      terminationEffectiveDate: '2026-12-01',
      terminationReason: 'promotion',
      departureDate: null,
      departureExtensionRequested: false,
      immunityEndsOn: '2026-12-01',
    });
  });
});

describe('promotedFacts', () => {
  const previous = {
    id: '00000000-0000-4000-8000-000000000001',
    pid: '1000000042',
    givenName: 'Ana',
    category: 'administrative-technical',
    title: 'Attaché',
    visaClass: 'A-2',
    passportType: 'official',
    weeklyHours: 40,
    visaExpiresOn: '2028-01-01',
    status: 'accredited',
    immunityLevel: 'full-criminal',
    idCard: { number: 'O000000001', color: 'green', expiresOn: '2028-01-01' },
    version: 4,
    notifiedOn: '2025-09-02',
    lateNotification: true,
    decidedOn: '2025-09-03',
    previousAppointmentId: null,
  } as unknown as MemberEntity;

  it('keeps the person (pid included) and links the replaced appointment', () => {
    const facts = promotedFacts(previous, {
      category: 'diplomatic-agent',
      title: 'Third Secretary',
      startsOn: '2026-12-01',
      visaClass: 'A-1',
      passportType: 'diplomatic',
    });
    expect(facts).toEqual({
      pid: '1000000042',
      givenName: 'Ana',
      category: 'diplomatic-agent',
      title: 'Third Secretary',
      visaClass: 'A-1',
      passportType: 'diplomatic',
      weeklyHours: 40,
      visaExpiresOn: '2028-01-01',
      previousAppointmentId: previous.id,
    });
  });

  it('keeps the held title, visa and passport when the promotion gives none', () => {
    expect(promotedFacts(previous, { category: 'diplomatic-agent', startsOn: '2026-12-01' })).toMatchObject({
      title: 'Attaché',
      visaClass: 'A-2',
      passportType: 'official',
    });
  });
});
