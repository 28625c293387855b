import { cityByName, nearestCity, type UsCity } from './us-cities';

// A row of data/foreign-missions-us.csv.
export interface MissionRow {
  country: string;
  sendingState: string;
  type: string;
  city: string;
  address: string;
  lat: string;
  lon: string;
  wikidata: string;
}

// The body of POST /api/v1/missions.
export interface MissionRequest {
  name: string;
  country: string;
  type: string;
  consularClass?: string;
  address: { line1: string; city: string; state: string; postalCode: string };
  location?: { lat: number; lon: number };
}

export type MissionMapping =
  { ok: true; wikidata: string; request: MissionRequest } | { ok: false; wikidata: string; reason: string };

// Codes in the source that are not (or no longer) ISO 3166-1 alpha-2. XK (Kosovo) is the
// user-assigned code everyone uses and stays.
const COUNTRY_FIXES: Record<string, string> = { FX: 'FR', DY: 'BJ', HV: 'BF', YU: 'RS' };

const COUNTRY_NAMES: Record<string, string> = {
  'Government of Sweden': 'Sweden',
  "People's Republic of China": 'China',
};

// capital: a mission that sits in Washington by definition (an embassy), wherever the row is silent.
type Kind = { type: string; consularClass?: string; label: string; capital?: boolean };

// The published types mapped to the platform's mission types (DOMAIN.md).
const KINDS: Record<string, Kind> = {
  embassy: { type: 'embassy', label: 'Embassy', capital: true },
  'consulate general': { type: 'consular-post', consularClass: 'consulate-general', label: 'Consulate General' },
  'consulate general of sweden': {
    type: 'consular-post',
    consularClass: 'consulate-general',
    label: 'Consulate General',
  },
  consulate: { type: 'consular-post', consularClass: 'consulate', label: 'Consulate' },
  'consulates of sweden': { type: 'consular-post', consularClass: 'consulate', label: 'Consulate' },
  'vice consulate': { type: 'consular-post', consularClass: 'vice-consulate', label: 'Vice Consulate' },
  'vice-consulate': { type: 'consular-post', consularClass: 'vice-consulate', label: 'Vice Consulate' },
  'consular agency': { type: 'consular-post', consularClass: 'consular-agency', label: 'Consular Agency' },
  'consular office': { type: 'consular-post', consularClass: 'consular-agency', label: 'Consular Office' },
  'honorary consulate': { type: 'honorary-consular-post', label: 'Honorary Consulate' },
};

export const normaliseCountry = (code: string): string => COUNTRY_FIXES[code.toUpperCase()] ?? code.toUpperCase();

// The place of a row: its city (or alias), else the known city nearest its coordinates; embassies
// without any place are in Washington by definition.
const placeOf = (row: MissionRow, kind: Kind): UsCity | undefined => {
  const named = row.city ? cityByName(row.city) : undefined;
  if (named) return named;
  const point = coordinates(row);
  if (point) return nearestCity(point);
  if (!row.city && kind.capital) return cityByName('Washington, D.C.');
  return undefined;
};

const coordinates = (row: MissionRow): { lat: number; lon: number } | undefined => {
  if (row.lat === '' || row.lon === '') return undefined;
  const lat = Number(row.lat);
  const lon = Number(row.lon);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined;
};

const kindOf = (row: MissionRow): Kind | undefined => {
  const published = row.type.trim().toLowerCase();
  if (row.country === 'TW') {
    // Taiwan's offices are handled through AIT as TECO, whatever the source calls them.
    return published === 'de facto embassy'
      ? { type: 'teco', label: 'Taipei Economic and Cultural Representative Office', capital: true }
      : { type: 'teco', label: 'Taipei Economic and Cultural Office' };
  }
  if (published === 'apostolic nunciature') {
    // The nunciature in Washington is the Holy See's embassy; the one in New York is its
    // permanent observer mission to the United Nations.
    return row.city === 'New York City'
      ? { type: 'un-observer-mission', label: 'Permanent Observer Mission of the Holy See to the United Nations' }
      : { type: 'embassy', label: 'Apostolic Nunciature', capital: true };
  }
  return KINDS[published];
};

const missionName = (row: MissionRow, kind: Kind, city: UsCity): string => {
  const state = COUNTRY_NAMES[row.sendingState] ?? row.sendingState;
  switch (kind.type) {
    case 'embassy':
      return kind.label === 'Apostolic Nunciature'
        ? 'Apostolic Nunciature to the United States'
        : `Embassy of ${state}`;
    case 'teco':
      return kind.label.includes('Representative')
        ? `${kind.label} in the United States`
        : `${kind.label} in ${city.name}`;
    case 'un-observer-mission':
      return kind.label;
    default:
      return `${kind.label} of ${state} in ${city.name}`;
  }
};

export const mapMissionRow = (row: MissionRow): MissionMapping => {
  const wikidata = row.wikidata;
  const kind = kindOf(row);
  if (!kind)
    return {
      ok: false,
      wikidata,
      reason: `type "${row.type}" has no platform mission type (e.g. an interests section is part of the protecting power's embassy)`,
    };
  const city = placeOf(row, kind);
  if (!city) return { ok: false, wikidata, reason: `no known city for "${row.city}" and no usable coordinates` };
  // The source has street addresses for almost no row; the city stands in for line 1.
  const line1 = row.address.trim() || city.name;
  const point = coordinates(row) ?? { lat: city.lat, lon: city.lon };
  const request: MissionRequest = {
    name: missionName(row, kind, city),
    country: normaliseCountry(row.country),
    type: kind.type,
    address: { line1, city: city.name, state: city.state, postalCode: city.zip },
    location: point,
  };
  if (kind.consularClass) request.consularClass = kind.consularClass;
  return { ok: true, wikidata, request };
};

export const DEMO_EMBASSY_COUNTRIES = ['FR', 'DE', 'JP', 'BR', 'KE'] as const;

// The default seed: the demo embassies first, then the other missions taken in turn from each
// mission type so that a small seed still shows every type.
export const selectMissions = (
  mapped: Extract<MissionMapping, { ok: true }>[],
  count: number,
): Extract<MissionMapping, { ok: true }>[] => {
  const demo = DEMO_EMBASSY_COUNTRIES.map((c) =>
    mapped.find((m) => m.request.type === 'embassy' && m.request.country === c),
  ).filter((m): m is Extract<MissionMapping, { ok: true }> => m !== undefined);
  const chosen = new Set(demo);
  const byType = new Map<string, Extract<MissionMapping, { ok: true }>[]>();
  for (const m of mapped) {
    if (chosen.has(m)) continue;
    byType.set(m.request.type, [...(byType.get(m.request.type) ?? []), m]);
  }
  const queues = [...byType.values()];
  const result = [...demo].slice(0, count);
  while (result.length < count && queues.some((q) => q.length > 0)) {
    for (const q of queues) {
      const next = q.shift();
      if (next && result.length < count) result.push(next);
    }
  }
  return result;
};

// Wikidata sometimes holds one mission twice (e.g. TECO Houston as "Houston" and as "Texas"); the
// first row wins and the others are skipped, naming it.
export const dedupeMissions = (mappings: MissionMapping[]): MissionMapping[] => {
  const first = new Map<string, string>();
  return mappings.map((m) => {
    if (!m.ok) return m;
    const key = `${m.request.country}|${m.request.name}`;
    const earlier = first.get(key);
    if (earlier) return { ok: false, wikidata: m.wikidata, reason: `same mission as ${earlier} (${m.request.name})` };
    first.set(key, m.wikidata);
    return m;
  });
};
