import { regionalOfficeFor } from './regional-office.rules';

const office = (state: string, postalCode = '00000') => regionalOfficeFor({ state, postalCode });

describe('regionalOfficeFor', () => {
  it.each([
    ['DC', 'Washington'],
    ['MD', 'Washington'],
    ['VA', 'Washington'],
    ['NY', 'New York'],
    ['NJ', 'New York'],
    ['CT', 'New York'],
    ['IL', 'Chicago'],
    ['MI', 'Chicago'],
    ['TX', 'Houston'],
    ['NM', 'Houston'],
    ['FL', 'Miami'],
    ['GA', 'Miami'],
    ['PR', 'Miami'],
    ['WV', 'Miami'],
    ['AZ', 'Los Angeles'],
    ['WA', 'San Francisco'],
    ['OR', 'San Francisco'],
    ['HI', 'San Francisco'],
  ])('%s → %s', (state, expected) => expect(office(state)).toBe(expected));

  it.each([
    ['90012', 'Los Angeles'], // Los Angeles
    ['92101', 'Los Angeles'], // San Diego
    ['93501', 'Los Angeles'], // Mojave
    ['93721', 'San Francisco'], // Fresno
    ['94108', 'San Francisco'], // San Francisco
    ['95814', 'San Francisco'], // Sacramento
  ])('splits California by ZIP: %s → %s', (zip, expected) => expect(office('CA', zip)).toBe(expected));

  it('knows no office for an unknown state or an out-of-range California ZIP', () => {
    expect(office('XX')).toBeUndefined();
    expect(office('CA', '10001')).toBeUndefined();
  });
});
