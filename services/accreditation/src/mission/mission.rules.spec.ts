import { validateMissionRegistration, type MissionRegistration } from './mission.rules';

const embassy = (over: Partial<MissionRegistration> = {}): MissionRegistration => ({
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  consularClass: '',
  address: { line1: '4101 Reservoir Rd NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9126, lon: -77.0761 },
  consularDistrict: '',
  ...over,
});

const fields = (r: ReturnType<typeof validateMissionRegistration>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('validateMissionRegistration', () => {
  it('accepts an embassy and derives its regional office', () => {
    const r = validateMissionRegistration(embassy());
    expect(r.ok && r.value).toMatchObject({
      country: 'FR',
      type: 'embassy',
      consularClass: '',
      regionalOffice: 'Washington',
    });
  });

  it('normalizes country and state codes', () => {
    const r = validateMissionRegistration(
      embassy({ country: ' fr ', address: { line1: 'x', city: 'y', state: 'dc', postalCode: '20007' } }),
    );
    expect(r.ok && [r.value.country, r.value.address.state]).toEqual(['FR', 'DC']);
  });

  it('requires a consular class for a consular post', () => {
    expect(fields(validateMissionRegistration(embassy({ type: 'consular-post' })))).toEqual(['consularClass']);
    const ok = validateMissionRegistration(
      embassy({
        type: 'consular-post',
        consularClass: 'consulate-general',
        address: { line1: '934 Fifth Ave', city: 'New York', state: 'NY', postalCode: '10021' },
      }),
    );
    expect(ok.ok && [ok.value.consularClass, ok.value.regionalOffice]).toEqual(['consulate-general', 'New York']);
  });

  it('rejects a consular class on any other type', () => {
    expect(fields(validateMissionRegistration(embassy({ consularClass: 'consulate' })))).toEqual(['consularClass']);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ country: 'FRA' }, 'country'],
    [{ country: '' }, 'country'],
    [{ country: '12' }, 'country'],
    [{ type: 'legation' }, 'type'],
    [{ type: 'consular-post', consularClass: 'honorary' }, 'consularClass'],
    [{ address: null }, 'address'],
    [{ location: null }, 'location'],
    [{ location: { lat: 91, lon: 0 } }, 'location.lat'],
    [{ location: { lat: 0, lon: -181 } }, 'location.lon'],
  ] as [Partial<MissionRegistration>, string][])('rejects %j on %s', (over, field) => {
    expect(fields(validateMissionRegistration(embassy(over)))).toEqual([field]);
  });

  it('names every bad address field', () => {
    const r = validateMissionRegistration(
      embassy({ address: { line1: '', city: '', state: 'XX', postalCode: 'ABCDE' } }),
    );
    expect(fields(r)).toEqual(['address.line1', 'address.city', 'address.state', 'address.postalCode']);
  });

  it('rejects a California ZIP code outside California’s range', () => {
    const r = validateMissionRegistration(
      embassy({ address: { line1: 'x', city: 'y', state: 'CA', postalCode: '20007' } }),
    );
    expect(fields(r)).toEqual(['address.postalCode']);
  });
});
