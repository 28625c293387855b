import { COUNTRY_CODES, isCountryCode } from './country-codes';

describe('country codes', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes and XK', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['FR', 'US', 'DE', 'RU', 'CN', 'TW', 'PS', 'VA', 'SS', 'XK', 'AX', 'BQ', 'CW', 'SX'])('accepts %s', (c) =>
    expect(isCountryCode(c)).toBe(true),
  );

  it.each([
    ['XX', 'unassigned'],
    ['ZZ', 'user-assigned, unused'],
    ['AA', 'user-assigned'],
    ['QO', 'user-assigned'],
    ['EU', 'exceptionally reserved, not a country'],
    ['UK', 'exceptionally reserved (GB is the code)'],
    ['SU', 'withdrawn (Soviet Union)'],
    ['YU', 'withdrawn (Yugoslavia)'],
    ['AN', 'withdrawn (Netherlands Antilles)'],
    ['fr', 'lower case'],
    ['FRA', 'alpha-3'],
    ['F', 'one letter'],
    ['', 'empty'],
    ['F\u0000', 'NUL'],
  ])('refuses %s (%s)', (c) => expect(isCountryCode(c)).toBe(false));

  it('refuses what is not a string', () => expect(isCountryCode(250)).toBe(false));
});
