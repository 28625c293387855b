import type { ReciprocityProfile } from './profile';

/** A benefit decision and the profile version it used (DOMAIN.md: every decision names it). */
export interface ReciprocityDecision<T> {
  outcome: T;
  country: string;
  profileVersion: number;
  /** In the words an officer reads, with the version: "… (profile FR v3)". */
  reason: string;
}

const cite = (p: ReciprocityProfile): string => `profile ${p.country} v${p.version}`;

const decided = <T>(p: ReciprocityProfile, outcome: T, reason: string): ReciprocityDecision<T> => ({
  outcome,
  country: p.country,
  profileVersion: p.version,
  reason: `${reason} (${cite(p)})`,
});

/** A same-sex spouse is accredited only where the sending country accredits those of U.S. staff. */
export const sameSexSpouseDecision = (p: ReciprocityProfile): ReciprocityDecision<'accredit' | 'refuse'> =>
  p.sameSexSpouseAccreditation === 'granted'
    ? decided(p, 'accredit', `${p.country} accredits the same-sex spouses of U.S. staff`)
    : decided(p, 'refuse', `${p.country} does not accredit the same-sex spouses of U.S. staff`);

/** Consular staff have the immunity of diplomatic agents where a bilateral agreement says so. */
export const consularImmunityDecision = (p: ReciprocityProfile): ReciprocityDecision<boolean> =>
  p.consularBilateralAgreement
    ? decided(p, true, `a bilateral consular agreement with ${p.country} gives consular staff diplomatic immunity`)
    : decided(
        p,
        false,
        `no bilateral consular agreement with ${p.country}: the Vienna Convention on Consular Relations applies`,
      );

/** Whether a mission may buy real property, only lease it, or neither. */
export const propertyDecision = (
  p: ReciprocityProfile,
  acquisition: 'purchase' | 'lease',
): ReciprocityDecision<'allowed' | 'denied'> => {
  if (p.propertyPurchase === 'allowed') return decided(p, 'allowed', `${p.country} lets U.S. missions buy property`);
  if (p.propertyPurchase === 'lease-only') {
    return acquisition === 'lease'
      ? decided(p, 'allowed', `${p.country} lets U.S. missions lease property`)
      : decided(p, 'denied', `${p.country} lets U.S. missions lease property but not buy it`);
  }
  return decided(p, 'denied', `${p.country} lets U.S. missions neither buy nor lease property`);
};

/** The tax relief its members get: the level of their tax cards. */
export const taxReliefDecision = (p: ReciprocityProfile): ReciprocityDecision<'full' | 'restricted' | 'none'> => {
  const level = p.taxRelief === 'full' || p.taxRelief === 'restricted' ? p.taxRelief : 'none';
  return decided(p, level, `${p.country} gives U.S. missions ${level} tax relief`);
};

/** Duty-free entry of a member's shipment: A&T staff beyond first installation depend on the country. */
export const dutyFreeDecision = (
  p: ReciprocityProfile,
  shipment: { administrativeTechnical: boolean; firstInstallation: boolean },
): ReciprocityDecision<boolean> => {
  if (p.dutyFreeEntry === 'full') return decided(p, true, `${p.country} admits U.S. staff's goods free of duty`);
  if (p.dutyFreeEntry === 'first-installation') {
    const free = !shipment.administrativeTechnical || shipment.firstInstallation;
    return decided(
      p,
      free,
      free
        ? `${p.country} admits this shipment free of duty`
        : `${p.country} admits A&T staff's goods free of duty at first installation only`,
    );
  }
  return decided(p, false, `${p.country} gives U.S. staff no duty-free entry`);
};

/** Whether a member may register one more tax-free vehicle, given how many the member has. */
export const taxFreeVehicleDecision = (p: ReciprocityProfile, vehiclesHeld: number): ReciprocityDecision<boolean> => {
  const limit = p.taxFreeVehiclesPerMember;
  return vehiclesHeld < limit
    ? decided(p, true, `${p.country} allows ${limit} tax-free vehicle(s) per member; ${vehiclesHeld} held`)
    : decided(p, false, `${p.country} allows ${limit} tax-free vehicle(s) per member; ${vehiclesHeld} held`);
};
