import { MEMBER_CATEGORY } from '@ofm/contracts';
import { DEFAULT_TENURE_LIMIT_YEARS, limitOf, parseTenureLimits } from './tenure-limits';

describe('parseTenureLimits', () => {
  it('reads the default: 5 years for A&T and service staff, none for the rest (DOMAIN.md)', () => {
    const parsed = parseTenureLimits(DEFAULT_TENURE_LIMIT_YEARS);
    expect(parsed).toEqual({ ok: true, limits: { 'administrative-technical': 5, 'service-staff': 5 } });
    if (!parsed.ok) throw new Error('default refused');
    expect(limitOf(parsed.limits, 'diplomatic-agent')).toBeUndefined();
    expect(MEMBER_CATEGORY.filter((c) => limitOf(parsed.limits, c) !== undefined)).toEqual([
      'administrative-technical',
      'service-staff',
    ]);
  });

  it('accepts spaces, any category and "none"', () => {
    expect(parseTenureLimits(' diplomatic-agent = 8 , domestic-worker=3 ')).toEqual({
      ok: true,
      limits: { 'diplomatic-agent': 8, 'domestic-worker': 3 },
    });
    expect(parseTenureLimits('none')).toEqual({ ok: true, limits: {} });
  });

  it.each([
    ['diplomat=5', '"diplomat" is not a member category'],
    ['administrative-technical=five', 'must be a whole number of years from 1 to 50, not "five"'],
    ['administrative-technical=0', 'not "0"'],
    ['administrative-technical=51', 'not "51"'],
    ['administrative-technical=2.5', 'not "2.5"'],
    ['administrative-technical=-1', 'not "-1"'],
    ['administrative-technical', 'is not category=years'],
    ['service-staff=5,,', 'is not category=years'],
    ['service-staff=5,service-staff=6', '"service-staff" is given twice'],
  ])('refuses %s, saying why', (text, why) => {
    const parsed = parseTenureLimits(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(why);
  });
});
