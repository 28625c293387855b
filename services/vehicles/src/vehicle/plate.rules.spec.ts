import { SEEDED_PLATE_COUNTRY_CODES } from '../migrations/seed/plate-country-codes.seed';
import {
  allocateCountryCodes,
  CODE_ALPHABET,
  countryCodeAt,
  formatPlate,
  nextFreeCountryCode,
  normalizePlate,
} from './plate.rules';

describe('plate country codes', () => {
  it('walks every code of the 23-letter alphabet exactly once', () => {
    const codes = Array.from({ length: 529 }, (_, n) => countryCodeAt(n));
    expect(new Set(codes).size).toBe(529);
    expect(codes.every((c) => /^[A-Z]{2}$/.test(c) && ![...c].some((l) => 'IOQ'.includes(l)))).toBe(true);
    expect(CODE_ALPHABET).toHaveLength(23);
  });

  it('is deterministic', () => {
    expect(nextFreeCountryCode('FR', new Set())).toBe(countryCodeAt(0));
    expect(allocateCountryCodes(['FR', 'DE'])).toEqual(allocateCountryCodes(['FR', 'DE']));
  });

  it('skips taken codes and never gives a country its own ISO code', () => {
    const first = countryCodeAt(0);
    expect(nextFreeCountryCode('ZZ', new Set([first]))).toBe(countryCodeAt(1));
    expect(nextFreeCountryCode(first, new Set())).toBe(countryCodeAt(1));
    expect(nextFreeCountryCode(first.toLowerCase(), new Set())).toBe(countryCodeAt(1));
  });

  it('answers undefined once every code is taken', () => {
    const all = new Set(Array.from({ length: 529 }, (_, n) => countryCodeAt(n)));
    expect(nextFreeCountryCode('FR', all)).toBeUndefined();
    expect(() => allocateCountryCodes(Array.from({ length: 530 }, (_, n) => `C${n}`))).toThrow(RangeError);
  });

  it('seeds distinct codes, none equal to its ISO code, exactly as the scheme allocates them', () => {
    const countries = SEEDED_PLATE_COUNTRY_CODES.map(([country]) => country);
    expect(allocateCountryCodes(countries).map((r) => [r.country, r.code])).toEqual(
      SEEDED_PLATE_COUNTRY_CODES.map((r) => [...r]),
    );
    expect(new Set(SEEDED_PLATE_COUNTRY_CODES.map(([, code]) => code)).size).toBe(SEEDED_PLATE_COUNTRY_CODES.length);
    expect(SEEDED_PLATE_COUNTRY_CODES.some(([country, code]) => country === code)).toBe(false);
  });
});

describe('plate numbers', () => {
  it('joins letter, country code and a four-digit serial', () => {
    expect(formatPlate('D', 'XY', 1234)).toBe('DXY1234');
    expect(formatPlate('S', 'AB', 7)).toBe('SAB0007');
    expect(formatPlate('C', 'AB', 12345)).toBe('CAB12345');
  });

  it('normalizes what an officer types', () => {
    expect(normalizePlate('dxy 1234')).toBe('DXY1234');
    expect(normalizePlate('D-XY-1234')).toBe('DXY1234');
  });
});
