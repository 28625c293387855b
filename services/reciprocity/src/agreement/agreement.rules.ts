import type { AgreementStatus } from '@ofm/contracts';
import type { FieldError } from '@ofm/kernel';

// An agreement's life: negotiated, signed, in force, and lapsed at any point (abandoned, denounced,
// expired). Lapsed is final; a new negotiation is a new agreement.
export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  proposed: ['negotiating', 'lapsed'],
  negotiating: ['signed', 'lapsed'],
  signed: ['in-force', 'lapsed'],
  'in-force': ['lapsed'],
  lapsed: [],
};

export const canMoveAgreement = (from: AgreementStatus, to: AgreementStatus): boolean =>
  AGREEMENT_TRANSITIONS[from].includes(to);

export interface AgreementDays {
  proposedOn: string;
  signedOn: string | null;
  inForceOn: string | null;
  lapsedOn: string | null;
}

export type AgreementMove =
  | { ok: true; days: AgreementDays }
  | { ok: false; rule: 'agreement-transition' | 'agreement-profile' | 'agreement-day'; errors: FieldError[] };

/**
 * The move of an agreement from `from` to `to` on `day`: allowed by the transitions; in force only
 * with the profile it brings (and a profile only then); never on a day before the status it leaves
 * was reached, so the days read in order. Answers the days the agreement then carries.
 */
export const decideAgreementMove = (
  from: AgreementStatus,
  to: AgreementStatus,
  day: string,
  days: AgreementDays,
  withProfile: boolean,
): AgreementMove => {
  if (!canMoveAgreement(from, to)) {
    const allowed = AGREEMENT_TRANSITIONS[from];
    return {
      ok: false,
      rule: 'agreement-transition',
      errors: [
        {
          field: 'status',
          message: `an agreement ${from} cannot become ${to}; ${allowed.length ? `it may become ${allowed.join(' or ')}` : 'lapsed is final'}`,
        },
      ],
    };
  }
  if (to === 'in-force' && !withProfile) {
    return {
      ok: false,
      rule: 'agreement-profile',
      errors: [{ field: 'profile', message: 'an agreement enters into force with the profile it brings' }],
    };
  }
  if (to !== 'in-force' && withProfile) {
    return {
      ok: false,
      rule: 'agreement-profile',
      errors: [{ field: 'profile', message: 'a profile comes only with the entry into force' }],
    };
  }
  const reached = lastDay(days);
  if (day < reached) {
    return {
      ok: false,
      rule: 'agreement-day',
      errors: [{ field: 'on', message: `on must be on or after ${reached}, the day the agreement became ${from}` }],
    };
  }
  const next = { ...days };
  if (to === 'signed') next.signedOn = day;
  if (to === 'in-force') next.inForceOn = day;
  if (to === 'lapsed') next.lapsedOn = day;
  return { ok: true, days: next };
};

const lastDay = (days: AgreementDays): string =>
  [days.proposedOn, days.signedOn, days.inForceOn, days.lapsedOn]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1)!;
