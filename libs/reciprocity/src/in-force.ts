import type { ReciprocityProfile } from './profile';

type Versioned = Pick<ReciprocityProfile, 'version' | 'effectiveFrom'>;

/**
 * The version of one country's profile in force on `day`: the latest `effectiveFrom` on or before
 * the day, and of those the highest version (a correction recorded later for the same day wins).
 * Undefined when every version starts after the day. Days are ISO dates, so they compare as text.
 */
export const inForce = <P extends Versioned>(versions: readonly P[], day: string): P | undefined => {
  let best: P | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    ) {
      best = v;
    }
  }
  return best;
};
