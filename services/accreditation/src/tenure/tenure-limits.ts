import { MEMBER_CATEGORY, type MemberCategory } from '@ofm/contracts';

// The limit of time in the U.S. per member category (DOMAIN.md "Time in the U.S."): configurable,
// by default none for diplomatic agents (nor any category but the two below) and 5 years for
// administrative and technical staff and service staff. TENURE_LIMIT_YEARS writes it as
// "category=years,category=years"; "none" means no limit at all.

export type TenureLimits = Readonly<Partial<Record<MemberCategory, number>>>;

export const DEFAULT_TENURE_LIMIT_YEARS = 'administrative-technical=5,service-staff=5';

// A limit beyond a working life is a typo, not a policy.
export const MAX_TENURE_LIMIT_YEARS = 50;

export type TenureLimitsParse = { ok: true; limits: TenureLimits } | { ok: false; message: string };

const isCategory = (word: string): word is MemberCategory => (MEMBER_CATEGORY as readonly string[]).includes(word);

/** The limits a TENURE_LIMIT_YEARS value says, or why it says nothing usable (naming the entry). */
export const parseTenureLimits = (text: string): TenureLimitsParse => {
  const trimmed = text.trim();
  if (trimmed === 'none') return { ok: true, limits: {} };
  const limits: Partial<Record<MemberCategory, number>> = {};
  for (const entry of trimmed.split(',').map((e) => e.trim())) {
    const match = /^([a-z-]+)\s*=\s*(\S+)$/.exec(entry);
    if (!match)
      return { ok: false, message: `"${entry}" is not category=years (e.g. "administrative-technical=5"), or "none"` };
    const [, category, years] = match as unknown as [string, string, string];
    if (!isCategory(category))
      return { ok: false, message: `"${category}" is not a member category (${MEMBER_CATEGORY.join(', ')})` };
    if (limits[category] !== undefined) return { ok: false, message: `"${category}" is given twice` };
    const value = Number(years);
    if (!/^\d+$/.test(years) || value < 1 || value > MAX_TENURE_LIMIT_YEARS)
      return {
        ok: false,
        message: `the limit of ${category} must be a whole number of years from 1 to ${MAX_TENURE_LIMIT_YEARS}, not "${years}"`,
      };
    limits[category] = value;
  }
  return { ok: true, limits };
};

/** The limit of a category, undefined where it has none. */
export const limitOf = (limits: TenureLimits, category: MemberCategory): number | undefined => limits[category];
