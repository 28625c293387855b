import { decideRegistration, type MissionRegistration } from './mission.rules';

const embassy = (over: Partial<MissionRegistration> = {}): MissionRegistration => ({
  type: 'embassy',
  address: { line1: '4101 Reservoir Rd NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  ...over,
});

const fields = (r: ReturnType<typeof decideRegistration>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('decideRegistration', () => {
  it('accepts an embassy and derives its regional office', () => {
    expect(decideRegistration(embassy())).toEqual({ ok: true, regionalOffice: 'Washington' });
  });

  it('requires a consular class for a consular post', () => {
    expect(decideRegistration(embassy({ type: 'consular-post' }))).toEqual({
      ok: false,
      errors: [{ field: 'consularClass', message: 'consularClass is required for a consular-post' }],
    });
    const ok = decideRegistration(
      embassy({
        type: 'consular-post',
        consularClass: 'consulate-general',
        address: { line1: '934 Fifth Ave', city: 'New York', state: 'NY', postalCode: '10021' },
      }),
    );
    expect(ok).toEqual({ ok: true, regionalOffice: 'New York' });
  });

  it('rejects a consular class on any other type', () => {
    expect(fields(decideRegistration(embassy({ consularClass: 'consulate' })))).toEqual(['consularClass']);
  });

  it('rejects a state code OFM does not know', () => {
    const r = decideRegistration(embassy({ address: { line1: 'x', city: 'y', state: 'XX', postalCode: '20007' } }));
    expect(fields(r)).toEqual(['address.state']);
  });

  it('rejects a California ZIP code outside California’s range', () => {
    const r = decideRegistration(embassy({ address: { line1: 'x', city: 'y', state: 'CA', postalCode: '20007' } }));
    expect(fields(r)).toEqual(['address.postalCode']);
  });

  it('names every problem at once', () => {
    const r = decideRegistration(
      embassy({ consularClass: 'consulate', address: { line1: 'x', city: 'y', state: 'CA', postalCode: '10001' } }),
    );
    expect(fields(r)).toEqual(['consularClass', 'address.postalCode']);
  });

  it('names a missing address (the proto requires one)', () => {
    expect(fields(decideRegistration(embassy({ address: undefined })))).toEqual(['address']);
  });
});
