// Vehicle identification numbers (ISO 3779): 17 characters of digits and capital letters without
// I, O and Q. Position 9 is a check digit only where a standard makes it one: 49 CFR 565 (United
// States) and its Canadian and Mexican counterparts, for vehicles whose manufacturer identifier is
// North American. Elsewhere (a European or Japanese car imported by a mission) position 9 is
// whatever the manufacturer put there, so such a VIN is checked for its alphabet and length only:
// refusing it would refuse a real car.

export const VIN_PATTERN = '^[A-HJ-NPR-Z0-9]{17}$';
const VIN = new RegExp(VIN_PATTERN);

// 49 CFR 565.15: each character's value, and each position's weight (position 9 weighs nothing).
const VALUES: Readonly<Record<string, number>> = Object.fromEntries([
  ...'0123456789'.split('').map((d) => [d, Number(d)]),
  ...Object.entries({ A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5 }),
  ...Object.entries({ P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 }),
]);
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** True for 17 characters of the VIN alphabet, in upper case. */
export const hasVinForm = (value: unknown): value is string => typeof value === 'string' && VIN.test(value);

/**
 * Whether the VIN's manufacturer identifier is North American, where the check digit is the law:
 * 1, 4, 5 (United States), 2 (Canada), 3 (Mexico), and 7F–70 (United States, the block allocated
 * after 1–5 ran short; 7A–7E are New Zealand's and carry no check digit).
 */
export const isNorthAmericanVin = (vin: string): boolean => /^[1-5]/.test(vin) || /^7[F-HJ-NPR-Z0-9]/.test(vin);

/** The check digit a VIN of the right form must carry at position 9: '0'–'9' or 'X' (for 10). */
export const vinCheckDigit = (vin: string): string => {
  if (!hasVinForm(vin)) throw new RangeError(`not a VIN: ${vin}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += VALUES[vin[i]!]! * WEIGHTS[i]!;
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
};

/** True for a VIN OFM accepts: the right form, and the right check digit where one is required. */
export const isValidVin = (value: unknown): value is string =>
  hasVinForm(value) && (!isNorthAmericanVin(value) || value[8] === vinCheckDigit(value));

/** The form a VIN is stored and compared in: trimmed, in upper case (so "1hgcm8…" is the same car). */
export const normalizeVin = (value: string): string => value.trim().toUpperCase();
