import type { common, RegionalOffice } from '@ofm/contracts';

// Which OFM regional office regulates a mission, from the state (or territory) of its address.
// The public record names the offices but publishes the area of only one (Miami: AL, PR, FL, GA,
// KY, MS, NC, SC, TN, USVI, WV); the rest of this table is our assignment by proximity, kept in one
// place so that OFM can correct it. California is split between two offices (see below).
// prettier-ignore
const OFFICE_BY_STATE: Readonly<Record<string, RegionalOffice | 'split-california'>> = {
  // Washington: the capital area, where the embassies are.
  DC: 'Washington', MD: 'Washington', VA: 'Washington', DE: 'Washington',
  // New York: the UN community and the North-East.
  NY: 'New York', NJ: 'New York', CT: 'New York', PA: 'New York', MA: 'New York', RI: 'New York',
  VT: 'New York', NH: 'New York', ME: 'New York',
  // Chicago: the Midwest.
  IL: 'Chicago', IN: 'Chicago', IA: 'Chicago', MI: 'Chicago', MN: 'Chicago', MO: 'Chicago', OH: 'Chicago',
  WI: 'Chicago', KS: 'Chicago', NE: 'Chicago', ND: 'Chicago', SD: 'Chicago',
  // Houston: the South-West and the Plains south of Kansas.
  TX: 'Houston', OK: 'Houston', LA: 'Houston', AR: 'Houston', NM: 'Houston', CO: 'Houston',
  // Miami: as published by OFM.
  FL: 'Miami', GA: 'Miami', AL: 'Miami', MS: 'Miami', TN: 'Miami', KY: 'Miami', NC: 'Miami', SC: 'Miami',
  WV: 'Miami', PR: 'Miami', VI: 'Miami',
  // Los Angeles: southern California and the desert states.
  AZ: 'Los Angeles', NV: 'Los Angeles',
  // San Francisco: northern California, the North-West and the Pacific.
  WA: 'San Francisco', OR: 'San Francisco', ID: 'San Francisco', MT: 'San Francisco', WY: 'San Francisco',
  UT: 'San Francisco', AK: 'San Francisco', HI: 'San Francisco', GU: 'San Francisco', MP: 'San Francisco',
  AS: 'San Francisco',
  CA: 'split-california',
};

export const KNOWN_STATES: readonly string[] = Object.keys(OFFICE_BY_STATE);

// ZIP codes 900–935 are southern California (Los Angeles to Santa Barbara, Kern, San Bernardino);
// 936–961 are the Central Valley and the north. The 3-digit ZIP prefix is exact where a city name
// would need a gazetteer.
const SOUTHERN_CALIFORNIA_LAST_ZIP3 = 935;

export const regionalOfficeFor = (
  address: Pick<common.Address, 'state' | 'postalCode'>,
): RegionalOffice | undefined => {
  const office = OFFICE_BY_STATE[address.state];
  if (office !== 'split-california') return office;
  const zip3 = Number(address.postalCode.slice(0, 3));
  if (!Number.isInteger(zip3) || zip3 < 900 || zip3 > 961) return undefined;
  return zip3 <= SOUTHERN_CALIFORNIA_LAST_ZIP3 ? 'Los Angeles' : 'San Francisco';
};
