import type { FlagProgram, FlagSeverity, FlagVisibility } from '@ofm/contracts';

// Every reason a compliance flag is raised for, as data (DOMAIN.md "Compliance and flags"): the
// raising service names only the code, so one code means one program, severity and visibility
// everywhere, and the register and docs/domain/compliance-flags.md read the same table.
export interface FlagReason {
  program: FlagProgram;
  severity: FlagSeverity;
  /** partner: the flag may travel on to partner agencies; internal: OFM and the mission only. */
  visibility: FlagVisibility;
  /** What the flag says, in a sentence. */
  summary: string;
  /** Who raises the flag, and what clears it. */
  raisedBy: string;
  clearedBy: string;
}

export const FLAG_REASONS = {
  'late-notification': {
    program: 'accreditation',
    severity: 'medium',
    visibility: 'internal',
    summary: 'The notification of appointment reached OFM more than 30 days after arrival.',
    raisedBy: 'accreditation, with the notification',
    clearedBy: 'an OFM officer, once the mission has explained the delay',
  },
  'long-tenure': {
    program: 'accreditation',
    severity: 'low',
    visibility: 'internal',
    summary: 'A member has served longer than the tenure OFM accepts for the category.',
    raisedBy: 'accreditation',
    clearedBy: 'an OFM officer, or the member’s termination',
  },
  'recertification-overdue': {
    program: 'accreditation',
    severity: 'medium',
    visibility: 'internal',
    summary: 'A member’s periodic recertification is past due.',
    raisedBy: 'accreditation',
    clearedBy: 'accreditation, when the member is recertified',
  },
  'documents-not-returned': {
    program: 'accreditation',
    severity: 'medium',
    visibility: 'internal',
    summary: 'After termination an ID card, tax card, plates or licence has not come back.',
    raisedBy: 'accreditation',
    clearedBy: 'accreditation, when the last document is returned',
  },
  'travel-notice-late': {
    program: 'travel',
    severity: 'low',
    visibility: 'internal',
    summary: 'A travel notice was given later than the notice period requires.',
    raisedBy: 'travel',
    clearedBy: 'an OFM officer',
  },
  'travel-without-notice': {
    program: 'travel',
    severity: 'high',
    visibility: 'partner',
    summary: 'A member travelled beyond the free-travel zone without a travel notice.',
    raisedBy: 'travel',
    clearedBy: 'an OFM officer',
  },
  'insurance-lapse': {
    program: 'vehicles',
    severity: 'high',
    visibility: 'partner',
    summary: 'A registered vehicle has no liability insurance: a lapse is reported to partners.',
    raisedBy: 'vehicles, by the nightly insurance sweep',
    clearedBy: 'vehicles, when insurance is recorded again',
  },
  'disposal-due': {
    program: 'vehicles',
    severity: 'medium',
    visibility: 'internal',
    summary: 'The owner’s appointment ended: the vehicle must be sold, exported or transferred.',
    raisedBy: 'vehicles, once the disposal due date after the owner’s termination has passed',
    clearedBy: 'vehicles, when the disposal is recorded',
  },
  'points-threshold': {
    program: 'vehicles',
    severity: 'high',
    visibility: 'partner',
    summary: 'A driver licence has reached the points threshold.',
    raisedBy: 'vehicles',
    clearedBy: 'vehicles, when the points fall below the threshold',
  },
  'unpaid-fines': {
    program: 'vehicles',
    severity: 'medium',
    visibility: 'internal',
    summary: 'Adjudicated parking fines or property taxes are unpaid: 110% is withheld from aid.',
    raisedBy: 'vehicles',
    clearedBy: 'vehicles, when the fines are paid',
  },
  'serious-offence': {
    program: 'accreditation',
    severity: 'high',
    visibility: 'partner',
    summary: 'A serious-offence case, for the annual immunity report.',
    raisedBy: 'an OFM officer',
    clearedBy: 'an OFM officer, when the case is closed',
  },
} as const satisfies Record<string, FlagReason>;

export type FlagCode = keyof typeof FLAG_REASONS;

export const FLAG_CODES = Object.keys(FLAG_REASONS) as FlagCode[];

export const isFlagCode = (code: string): code is FlagCode => Object.hasOwn(FLAG_REASONS, code);

/** The reason of a code, or undefined for a code this build does not know (a newer producer's). */
export const flagReason = (code: string): FlagReason | undefined => (isFlagCode(code) ? FLAG_REASONS[code] : undefined);
