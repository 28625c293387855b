import { MEMBER_CATEGORY } from '@ofm/contracts';
import { cardAfterChange, changedFields, changeProblems, needsNewAppointment, type MemberChange } from './change.rules';

type Stored = Parameters<typeof changeProblems>[0];
const stored = (over: Partial<Stored> = {}): Stored => ({
  title: 'Attaché',
  category: 'administrative-technical',
  residenceAddress: null,
  fullTimeStudent: false,
  disabled: false,
  residesInWashingtonMetro: true,
  relationship: null,
  ...over,
});
const child = stored({ category: 'dependent', relationship: 'child', title: null });
const address = { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' };

describe('changedFields', () => {
  it('names only the fields given with a new value, in a fixed order', () => {
    expect(changedFields(stored(), { residesInWashingtonMetro: false, title: 'Counselor' })).toEqual([
      'title',
      'residesInWashingtonMetro',
    ]);
  });

  it('ignores fields given with the stored value and fields not given', () => {
    expect(changedFields(stored(), { title: 'Attaché', residesInWashingtonMetro: true })).toEqual([]);
    expect(changedFields(stored(), {})).toEqual([]);
  });

  it('adds a residence where there is none, and compares an address by value', () => {
    expect(changedFields(stored(), { residenceAddress: address })).toEqual(['residenceAddress']);
    expect(changedFields(stored({ residenceAddress: { ...address } }), { residenceAddress: address })).toEqual([]);
    expect(
      changedFields(stored({ residenceAddress: address }), { residenceAddress: { ...address, line1: '1 Main St' } }),
    ).toEqual(['residenceAddress']);
  });
});

describe('needsNewAppointment', () => {
  const ranks = ['diplomatic-agent', 'io-diplomatic'];
  // Every pair of categories: only a move into or out of a diplomatic rank is a new appointment.
  for (const from of MEMBER_CATEGORY) {
    for (const to of MEMBER_CATEGORY) {
      const expected = from !== to && (ranks.includes(from) || ranks.includes(to));
      it(`${from} → ${to}: ${expected}`, () => expect(needsNewAppointment(from, to)).toBe(expected));
    }
  }
});

describe('changeProblems', () => {
  it('accepts a change of title, category, residence or residence area of a principal', () => {
    expect(changeProblems(stored(), { title: 'Counselor' })).toEqual([]);
    expect(changeProblems(stored(), { category: 'service-staff' })).toEqual([]);
    expect(changeProblems(stored(), { residenceAddress: address })).toEqual([]);
    expect(changeProblems(stored(), { residesInWashingtonMetro: false })).toEqual([]);
  });

  it('sends a change to or from a diplomatic rank to the promotion', () => {
    expect(changeProblems(stored(), { category: 'diplomatic-agent' })).toEqual([
      {
        field: 'category',
        message:
          'A change from administrative-technical to diplomatic-agent needs a new appointment: notify it as a promotion (POST /members/{id}/promotion)',
      },
    ]);
    expect(
      changeProblems(stored({ category: 'diplomatic-agent', title: 'Counselor' }), { category: 'service-staff' }),
    ).toHaveLength(1);
  });

  it('refuses to turn a dependent into a principal or the reverse', () => {
    const problem = {
      field: 'category',
      message: 'A dependent becomes a principal (or the reverse) only by a notification of appointment',
    };
    expect(changeProblems(child, { category: 'service-staff' })).toEqual([problem]);
    expect(changeProblems(stored(), { category: 'dependent' })).toEqual([problem]);
  });

  it('takes full-time study and disability for a dependent child only', () => {
    expect(changeProblems(child, { fullTimeStudent: true, disabled: true })).toEqual([]);
    expect(changeProblems(stored({ category: 'dependent', relationship: 'spouse' }), { disabled: true })).toEqual([
      { field: 'disabled', message: 'disabled is a fact of a dependent child only' },
    ]);
    expect(changeProblems(stored(), { fullTimeStudent: true, disabled: true })).toEqual([
      { field: 'fullTimeStudent', message: 'fullTimeStudent is a fact of a dependent child only' },
      { field: 'disabled', message: 'disabled is a fact of a dependent child only' },
    ]);
  });

  it("checks a diplomatic agent's new title with the diplomatic-title rules", () => {
    const diplomat = stored({ category: 'diplomatic-agent', title: 'First Secretary' });
    expect(changeProblems(diplomat, { title: 'Counselor for Political Affairs' })).toEqual([]);
    const [problem] = changeProblems(diplomat, { title: 'Driver' });
    expect(problem).toMatchObject({ field: 'title' });
    expect(problem!.message).toContain('«Driver» is not a diplomatic title');
    // Other categories hold any title.
    expect(changeProblems(stored(), { title: 'Driver' })).toEqual([]);
  });

  it('refuses a change that changes nothing', () => {
    const nothing: MemberChange = { title: 'Attaché' };
    expect(changeProblems(stored(), nothing)).toEqual([
      { field: 'id', message: 'The change gives no field with a new value: nothing changes' },
    ]);
  });
});

describe('cardAfterChange', () => {
  it.each([
    ['green', 'green', 'keep'],
    ['green', 'blue', 'reissue'],
    ['red', 'green', 'reissue'],
    ['green', undefined, 'withdraw'],
    [null, 'green', 'reissue'],
    [null, undefined, 'none'],
  ] as const)('a %s card and a new colour %s: %s', (current, next, expected) =>
    expect(cardAfterChange(current, next)).toBe(expected),
  );
});
