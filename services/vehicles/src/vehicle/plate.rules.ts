// Diplomatic plates (DOMAIN.md "Vehicles and insurance"; research §2.3): a status letter, the
// two-letter country code OFM assigns (its "scramble code", deliberately not the ISO code) and a serial.

export type PlateLetter = 'D' | 'S' | 'C';

// Which owner gets which letter, and who gets none: plate-entitlement.rules.ts.

// Country codes avoid I, O and Q (read as 1 and 0 on a plate): 23 letters, 529 codes, more than
// there are countries. Codes are handed out in a fixed scrambled order (an affine walk over the
// 529 codes; STRIDE is coprime with 529 so it visits every code once), skipping codes taken and the
// country's own ISO code. The constants must never change: seeded codes were computed with them.
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const CODE_SPACE = CODE_ALPHABET.length ** 2;
const STRIDE = 97;
const OFFSET = 241;

/** The n-th code of the scrambled order (0 ≤ n < 529). */
export const countryCodeAt = (n: number): string => {
  const k = (n * STRIDE + OFFSET) % CODE_SPACE;
  return CODE_ALPHABET[Math.floor(k / CODE_ALPHABET.length)]! + CODE_ALPHABET[k % CODE_ALPHABET.length]!;
};

/** The next free code for `isoCountry`, or undefined when every code is taken. */
export const nextFreeCountryCode = (isoCountry: string, taken: ReadonlySet<string>): string | undefined => {
  for (let n = 0; n < CODE_SPACE; n++) {
    const code = countryCodeAt(n);
    if (!taken.has(code) && code !== isoCountry.toUpperCase()) return code;
  }
  return undefined;
};

/** Codes for `countries` allocated in order, as the seed migration and a fresh database do. */
export const allocateCountryCodes = (countries: readonly string[]): Array<{ country: string; code: string }> => {
  const taken = new Set<string>();
  return countries.map((country) => {
    const code = nextFreeCountryCode(country, taken);
    if (!code) throw new RangeError('no plate country code left');
    taken.add(code);
    return { country, code };
  });
};

const SERIAL_DIGITS = 4;

/** e.g. D + XY + 1234 → "DXY1234"; serials beyond 9999 simply grow a digit. */
export const formatPlate = (letter: PlateLetter, countryCode: string, serial: number): string =>
  `${letter}${countryCode}${String(serial).padStart(SERIAL_DIGITS, '0')}`;

/** What an officer types ("dxy 1234", "D-XY-1234") in the stored form. */
export const normalizePlate = (input: string): string => input.toUpperCase().replace(/[\s-]/g, '');
