// Cities of the missions in data/foreign-missions-us.csv with their state, a ZIP code and an approximate centre,
// used where a row lacks coordinates or names a state or neighbourhood instead of a city.
export interface UsCity {
  name: string;
  state: string;
  // A ZIP code of the city centre: the source has no postal codes, and OFM's regional office of a
  // California mission depends on it.
  zip: string;
  lat: number;
  lon: number;
}

export const US_CITIES: readonly UsCity[] = [
  { name: 'Washington, D.C.', state: 'DC', zip: '20008', lat: 38.9072, lon: -77.0369 },
  { name: 'New York City', state: 'NY', zip: '10017', lat: 40.7128, lon: -74.006 },
  { name: 'San Francisco', state: 'CA', zip: '94108', lat: 37.7749, lon: -122.4194 },
  { name: 'Los Angeles', state: 'CA', zip: '90010', lat: 34.0522, lon: -118.2437 },
  { name: 'Houston', state: 'TX', zip: '77056', lat: 29.7604, lon: -95.3698 },
  { name: 'Dallas', state: 'TX', zip: '75201', lat: 32.7767, lon: -96.797 },
  { name: 'Chicago', state: 'IL', zip: '60611', lat: 41.8781, lon: -87.6298 },
  { name: 'Boston', state: 'MA', zip: '02116', lat: 42.3601, lon: -71.0589 },
  { name: 'Cambridge', state: 'MA', zip: '02138', lat: 42.3736, lon: -71.1097 },
  { name: 'Atlanta', state: 'GA', zip: '30303', lat: 33.749, lon: -84.388 },
  { name: 'Miami', state: 'FL', zip: '33131', lat: 25.7617, lon: -80.1918 },
  { name: 'Miami Beach', state: 'FL', zip: '33139', lat: 25.7907, lon: -80.13 },
  { name: 'Palm Coast', state: 'FL', zip: '32137', lat: 29.585, lon: -81.2078 },
  { name: 'Honolulu', state: 'HI', zip: '96813', lat: 21.3069, lon: -157.8583 },
  { name: 'Seattle', state: 'WA', zip: '98101', lat: 47.6062, lon: -122.3321 },
  { name: 'Redmond', state: 'WA', zip: '98052', lat: 47.674, lon: -122.1215 },
  { name: 'Portland', state: 'OR', zip: '97204', lat: 45.5152, lon: -122.6784 },
  { name: 'New Orleans', state: 'LA', zip: '70112', lat: 29.9511, lon: -90.0715 },
  { name: 'Anchorage', state: 'AK', zip: '99501', lat: 61.2181, lon: -149.9003 },
  { name: 'Detroit', state: 'MI', zip: '48226', lat: 42.3314, lon: -83.0458 },
  { name: 'Cleveland', state: 'OH', zip: '44114', lat: 41.4993, lon: -81.6944 },
  { name: 'Nashville', state: 'TN', zip: '37203', lat: 36.1627, lon: -86.7816 },
  { name: 'Knoxville', state: 'TN', zip: '37902', lat: 35.9606, lon: -83.9207 },
  { name: 'Minneapolis', state: 'MN', zip: '55401', lat: 44.9778, lon: -93.265 },
  { name: 'Mission Hills', state: 'KS', zip: '66208', lat: 39.0178, lon: -94.6169 },
  { name: 'Denver', state: 'CO', zip: '80202', lat: 39.7392, lon: -104.9903 },
  { name: 'Pueblo', state: 'CO', zip: '81003', lat: 38.2544, lon: -104.6091 },
  { name: 'Tamuning', state: 'GU', zip: '96913', lat: 13.4877, lon: 144.7814 },
];

// Names in the data that are not the city itself.
const ALIASES: Record<string, string> = {
  Manhattan: 'New York City',
  'New York': 'New York City',
  'West End': 'Washington, D.C.',
};

export const cityByName = (name: string): UsCity | undefined => {
  const wanted = ALIASES[name] ?? name;
  return US_CITIES.find((c) => c.name === wanted);
};

const toRad = (deg: number): number => (deg * Math.PI) / 180;

export const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

// The known city within maxKm of a point (rows that give "Texas" or nothing but coordinates).
export const nearestCity = (point: { lat: number; lon: number }, maxKm = 80): UsCity | undefined => {
  let best: UsCity | undefined;
  let bestKm = maxKm;
  for (const city of US_CITIES) {
    const km = distanceKm(point, city);
    if (km <= bestKm) {
      best = city;
      bestKm = km;
    }
  }
  return best;
};
