// The vocabulary of diplomatic titles a diplomatic agent may hold, as data OFM extends (a new
// function, a new qualifier) without touching the rule in diplomatic-title.rules.ts.
//
// Where it comes from: the State Department's diplomatic-agent criteria list the ranks Minister,
// Minister-Counselor, Counselor, First/Second/Third Secretary, Attaché and Assistant Attaché "with or
// without a function" (../shared/DOMAIN.md, Accreditation; domain-research.md §"criteria"); heads of
// mission and their deputies (Ambassador, Chargé d'affaires, Deputy Chief of Mission) are accredited
// by the Chief of Protocol (VCDR Art. 14 classes of heads of mission). Functions and qualifiers are
// those of the Diplomatic List ("Defense Attaché", "Counselor for Political Affairs", "Assistant
// Attaché", "Chargé d'Affaires a.i.").
//
// Write entries as an officer would; the rule compares them case-, accent- and punctuation-
// insensitively and folds the spellings below, so "Counsellor", "Defence" and "Charge" need no entry.

export interface DiplomaticRank {
  readonly title: string;
  // A function may come first ("Defense Attaché", "Political Counselor") …
  readonly functionBefore: boolean;
  // … or after ("Counselor for Political Affairs", "First Secretary (Economic)").
  readonly functionAfter: boolean;
  // Words that complete the rank itself ("Chargé d'Affaires a.i.", "Ambassador Extraordinary and
  // Plenipotentiary").
  readonly completions?: readonly string[];
}

export interface DiplomaticTitleVocabulary {
  readonly ranks: readonly DiplomaticRank[];
  // What a diplomat's work is about: the X in "X Attaché" or "Counselor for X Affairs".
  readonly functions: readonly string[];
  // Words before a title that do not change that it is diplomatic ("Assistant Defense Attaché").
  readonly qualifiers: readonly string[];
  // Titles a diplomat may hold together with a rank ("First Secretary and Consul"), never alone:
  // a consul alone is consular staff, not a diplomatic agent.
  readonly concurrentTitles: readonly string[];
  // Other spellings of one word, folded before comparing (British and French spellings, ordinals).
  readonly spellings: Readonly<Record<string, string>>;
}

const CHARGE_COMPLETIONS = ['a.i.', 'ad interim', 'en pied', 'en titre', 'e.p.'];

export const DIPLOMATIC_TITLES: DiplomaticTitleVocabulary = {
  ranks: [
    // Heads of mission and their deputies.
    {
      title: 'Ambassador',
      functionBefore: false,
      functionAfter: false,
      completions: ['Extraordinary and Plenipotentiary'],
    },
    {
      title: 'Envoy',
      functionBefore: false,
      functionAfter: false,
      completions: ['Extraordinary and Minister Plenipotentiary'],
    },
    { title: "Chargé d'Affaires", functionBefore: false, functionAfter: false, completions: CHARGE_COMPLETIONS },
    { title: 'Deputy Chief of Mission', functionBefore: false, functionAfter: false },
    { title: 'Deputy Head of Mission', functionBefore: false, functionAfter: false },
    // Diplomatic ranks, highest first.
    { title: 'Minister', functionBefore: true, functionAfter: true, completions: ['Plenipotentiary'] },
    { title: 'Minister-Counselor', functionBefore: true, functionAfter: true },
    { title: 'Counselor', functionBefore: true, functionAfter: true },
    { title: 'First Secretary', functionBefore: false, functionAfter: true },
    { title: 'Second Secretary', functionBefore: false, functionAfter: true },
    { title: 'Third Secretary', functionBefore: false, functionAfter: true },
    { title: 'Attaché', functionBefore: true, functionAfter: true },
  ],
  functions: [
    // Defence attachés (each service has its own).
    'Defense',
    'Military',
    'Army',
    'Naval',
    'Navy',
    'Air',
    'Air Force',
    'Marine',
    // The sections of an embassy.
    'Political',
    'Politics',
    'Economic',
    'Economics',
    'Commercial',
    'Trade',
    'Finance',
    'Financial',
    'Agricultural',
    'Agriculture',
    'Cultural',
    'Culture',
    'Press',
    'Public Affairs',
    'Public Diplomacy',
    'Information',
    'Media',
    'Consular',
    'Legal',
    'Science',
    'Scientific',
    'Technology',
    'Education',
    'Educational',
    'Labor',
    'Social',
    'Health',
    'Energy',
    'Environment',
    'Customs',
    'Police',
    'Security',
    'Justice',
    'Home',
    'Interior',
    'Immigration',
    'Transport',
    'Multilateral',
    'Congressional',
    'Protocol',
  ],
  qualifiers: ['Deputy', 'Assistant', 'Acting', 'Senior', 'Principal'],
  concurrentTitles: ['Consul General', 'Consul', 'Vice Consul', 'Head of Chancery'],
  spellings: {
    counsellor: 'counselor',
    defence: 'defense',
    labour: 'labor',
    '1st': 'first',
    '2nd': 'second',
    '3rd': 'third',
  },
};
