// What an officer may do, in the words of the law-enforcement guidance booklet (DOMAIN.md table).
// It belongs to accreditation, which decides immunity levels; it lives here until the proto carries
// it (VerifyIdCardResponse.guidance) so that every consumer reads the same words.
export interface Guidance {
  arrest: string;
  residenceInviolable: string;
  prosecution: string;
  ticket: string;
}

export const IMMUNITY_LEVELS = ['full', 'full-criminal', 'official-acts', 'none'] as const;
export type ImmunityLevel = (typeof IMMUNITY_LEVELS)[number];

const WORDS = {
  arrestNo: 'No. May not be arrested or detained.',
  arrestYes: 'Yes. May be arrested or detained.',
  arrestFelonyWarrant: 'Only for a felony, and then only pursuant to a warrant.',
  residenceYes: 'Yes. The residence may not be entered or searched without consent.',
  residenceNo: 'No. The residence may be entered subject to ordinary procedures.',
  prosecutionNo: 'No. May not be prosecuted.',
  prosecutionCriminalNo: 'No for criminal matters; immune from civil suit for official acts only.',
  prosecutionOfficialActs: 'For official acts only: may be prosecuted for acts outside official functions.',
  prosecutionYes: 'Yes. May be prosecuted.',
  ticket: 'Yes. A traffic citation may always be issued.',
} as const;

// Keyed by immunity level, which already folds in the family rule (a dependent carries the principal's
// level) and bilateral agreements (consular staff raised to full). Consular officers with official-acts
// immunity keep the one protection the booklet gives them: arrest only for a felony with a warrant.
export const guidanceFor = (immunityLevel: string, category: string): Guidance => {
  switch (immunityLevel) {
    case 'full':
      return { arrest: WORDS.arrestNo, residenceInviolable: WORDS.residenceYes, prosecution: WORDS.prosecutionNo, ticket: WORDS.ticket };
    case 'full-criminal':
      return { arrest: WORDS.arrestNo, residenceInviolable: WORDS.residenceYes, prosecution: WORDS.prosecutionCriminalNo, ticket: WORDS.ticket };
    case 'official-acts':
      return {
        arrest: category === 'consular-officer' ? WORDS.arrestFelonyWarrant : WORDS.arrestYes,
        residenceInviolable: WORDS.residenceNo,
        prosecution: WORDS.prosecutionOfficialActs,
        ticket: WORDS.ticket,
      };
    default:
      // 'none' and anything unknown: no immunity is the safe reading for an officer.
      return { arrest: WORDS.arrestYes, residenceInviolable: WORDS.residenceNo, prosecution: WORDS.prosecutionYes, ticket: WORDS.ticket };
  }
};

export const GUIDANCE_WORDS = WORDS;
