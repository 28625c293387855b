import type { ReciprocityProfile } from './profile';

export interface TravelCentre {
  name: string;
  lat: number;
  lon: number;
}

// DOMAIN.md "Travel controls": the radius is measured from the White House for missions in
// Washington and from Columbus Circle for missions to the United Nations in New York.
export const WHITE_HOUSE: TravelCentre = { name: 'the White House', lat: 38.8977, lon: -77.0365 };
export const COLUMBUS_CIRCLE: TravelCentre = { name: 'Columbus Circle', lat: 40.7681, lon: -73.9819 };

const UN_MISSION_TYPES: ReadonlySet<string> = new Set(['un-mission', 'un-observer-mission']);

export interface TravelControlsOfMember {
  controls: 'none' | 'notify' | 'approve';
  radiusMiles: number;
  leadTimeHours: number;
  centre: TravelCentre;
  /** Meetings with state or local officials and visits to universities and laboratories are noticed. */
  engagementNotices: boolean;
  country: string;
  profileVersion: number;
}

/**
 * The travel controls that apply to one member: the sending country's, for the member's category
 * (an empty category list covers every category), measured from the centre of the member's mission.
 * A member outside the covered categories travels freely, engagement notices included.
 */
export const travelControlsFor = (
  p: ReciprocityProfile,
  member: { missionType: string; category: string },
): TravelControlsOfMember => {
  const covered = p.travelCategories.length === 0 || p.travelCategories.includes(member.category);
  const controls =
    covered && (p.travelControls === 'notify' || p.travelControls === 'approve') ? p.travelControls : 'none';
  return {
    controls,
    radiusMiles: p.travelRadiusMiles,
    leadTimeHours: p.travelLeadTimeHours,
    centre: UN_MISSION_TYPES.has(member.missionType) ? COLUMBUS_CIRCLE : WHITE_HOUSE,
    engagementNotices: covered && p.engagementNotices,
    country: p.country,
    profileVersion: p.version,
  };
};
