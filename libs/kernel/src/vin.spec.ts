import { hasVinForm, isNorthAmericanVin, isValidVin, normalizeVin, vinCheckDigit } from './vin';

// The 49 CFR 565 worked example and Wikipedia's, then VINs of the form each North American
// manufacturer block uses, with their check digit computed by hand; and the same VINs with one
// character changed.
const VALID_NORTH_AMERICAN = [
  '1HGCM82633A004352', // Honda Accord, USA (the 49 CFR 565 worked example)
  '1M8GDM9AXKP042788', // check digit X (remainder 10)
  '1FTFW1ET9DFC10312', // Ford F-150, USA
  '2HGFG3B56CH501234', // Honda Civic, Canada
  '3VWFE21C04M000001', // Volkswagen, Mexico
  '4T1BF1FK0CU123456', // Toyota Camry, USA
  '5YJSA1E27HF000001', // Tesla Model S, USA
  '7FARW2H85ME012345', // Honda, USA (the 7F–70 block)
];

describe('vinCheckDigit', () => {
  it.each(VALID_NORTH_AMERICAN)('computes the check digit %s carries at position 9', (vin) =>
    expect(vinCheckDigit(vin)).toBe(vin[8]),
  );

  it('gives X for a remainder of 10 and 0 for none', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
    expect(vinCheckDigit('00000000000000000')).toBe('0');
  });

  it('refuses what is not a VIN', () => {
    expect(() => vinCheckDigit('SHORT')).toThrow(RangeError);
    expect(() => vinCheckDigit('1HGCM82633A00435O')).toThrow(RangeError);
  });
});

describe('isValidVin', () => {
  it.each(VALID_NORTH_AMERICAN)('accepts the North American VIN %s', (vin) => expect(isValidVin(vin)).toBe(true));

  it.each([
    ['1HG6AMMX1NA348834', "the issue's VIN: its check digit should be X"],
    ['1HGCM82643A004352', 'position 9 changed'],
    ['1HGCM82633A004353', 'the serial number changed'],
    ['2T1BURHE0JC012345', 'a Canadian VIN whose check digit should be 3'],
    ['7FARW2H80ME012345', 'the 7F block, check digit should be 5'],
  ])('refuses %s (%s)', (vin) => expect(isValidVin(vin)).toBe(false));

  it.each([
    ['WBA3A5C51CF256651', 'BMW, Germany'],
    ['WBA3A5C50CF256651', 'the same with another position 9: Europe has no check digit'],
    ['JHMCM56557C404453', 'Honda, Japan'],
    ['VF1RFB00X57312345', 'Renault, France'],
    ['7AT0H63H2BX000001', 'New Zealand (7A–7E)'],
    ['SALGS2SE0LA000001', 'Land Rover, United Kingdom'],
  ])('accepts %s (%s) for its form alone', (vin) => expect(isValidVin(vin)).toBe(true));

  it.each([
    ['1HGCM82633A00435', '16 characters'],
    ['1HGCM82633A0043521', '18 characters'],
    ['1HGCM82633A00435I', 'I'],
    ['WBA3A5C51CF25665O', 'O'],
    ['WBA3A5C51CF25665Q', 'Q'],
    ['1hgcm82633a004352', 'lower case (normalizeVin first)'],
    ['1HGCM82633A00435\u0000', 'NUL'],
  ])('refuses %s (%s)', (vin) => expect(isValidVin(vin)).toBe(false));

  it('refuses what is not a string', () => {
    expect(isValidVin(undefined)).toBe(false);
    expect(isValidVin(12345678901234567)).toBe(false);
  });
});

describe('isNorthAmericanVin', () => {
  it.each(['1', '2', '3', '4', '5'])('reads a VIN starting with %s as North American', (c) =>
    expect(isNorthAmericanVin(`${c}HGCM82633A004352`)).toBe(true),
  );
  it.each(['7F', '7Z', '70', '79'])('reads the United States block %s as North American', (c) =>
    expect(isNorthAmericanVin(`${c}ARW2H88ME012345`)).toBe(true),
  );
  it.each(['6', '7A', '7E', '8', '9', 'J', 'K', 'L', 'S', 'V', 'W', 'Z'])('reads %s as outside North America', (c) =>
    expect(isNorthAmericanVin(`${c}${'ARW2H88ME0123456'.slice(c.length - 1)}`)).toBe(false),
  );
});

describe('hasVinForm and normalizeVin', () => {
  it('upper-cases and trims, so that a VIN typed in lower case is the same car', () => {
    expect(normalizeVin(' 1hgcm82633a004352 ')).toBe('1HGCM82633A004352');
    expect(hasVinForm(normalizeVin('1hgcm82633a004352'))).toBe(true);
  });
});
