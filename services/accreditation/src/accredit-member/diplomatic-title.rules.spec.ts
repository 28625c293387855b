import { isDiplomaticTitle, unrecognizedTitleMessage } from './diplomatic-title.rules';
import { DIPLOMATIC_TITLES, type DiplomaticTitleVocabulary } from './diplomatic-titles';

const recognized = (title: string) => expect(isDiplomaticTitle(title)).toBe(true);
const refused = (title: string | null) => expect(isDiplomaticTitle(title)).toBe(false);

describe('isDiplomaticTitle — what issue 8 found refused', () => {
  it.each([
    'Ambassador',
    'Deputy Chief of Mission',
    "Chargé d'Affaires",
    'Defense Attaché',
    'Commercial Attaché',
    'Counsellor',
    'Counselor for Political Affairs',
  ])('recognises %s', recognized);
});

describe('isDiplomaticTitle — the ranks of DOMAIN.md, alone', () => {
  it.each(DIPLOMATIC_TITLES.ranks.map((r) => r.title))('recognises %s', recognized);
  it.each([
    'Assistant Attaché',
    'Minister Counselor',
    'Minister-Counsellor',
    '1st Secretary',
    '2nd Secretary',
    '3rd Secretary',
  ])('recognises %s', recognized);
});

describe('isDiplomaticTitle — heads of mission and deputies', () => {
  it.each([
    'Ambassador Extraordinary and Plenipotentiary',
    'Envoy Extraordinary and Minister Plenipotentiary',
    'Minister Plenipotentiary',
    "Chargé d'Affaires a.i.",
    "Chargé d'Affaires, ad interim",
    "Chargé d'Affaires en pied",
    "Charge d'Affaires en titre",
    'Chargé d’Affaires',
    'Deputy Head of Mission',
    'Acting Deputy Chief of Mission',
    'Deputy Chief of Mission and Minister-Counselor',
  ])('recognises %s', recognized);
});

describe('isDiplomaticTitle — a rank with a function', () => {
  it.each([
    'Military Attaché',
    'Naval Attaché',
    'Air Attaché',
    'Air Force Attaché',
    'Defence Attaché',
    'Assistant Defense Attaché',
    'Deputy Defence Attaché',
    'Agricultural Attaché',
    'Cultural Attaché',
    'Press Attaché',
    'Attaché for Defense Affairs',
    'Attaché (Consular)',
    'Political Counselor',
    'Economic Counsellor',
    'Counselor for Economic and Commercial Affairs',
    'Counsellor (Political)',
    'Counselor, Public Affairs',
    'Counselor for Public Affairs',
    'Minister for Economic Affairs',
    'Commercial Minister',
    'Minister-Counselor for Congressional Affairs',
    'Senior Political Counselor',
    'First Secretary (Economic)',
    'First Secretary, Political Section',
    'Second Secretary for Trade & Economic Affairs',
    'Third Secretary Consular',
  ])('recognises %s', recognized);
});

describe('isDiplomaticTitle — concurrent titles', () => {
  it.each([
    'First Secretary and Consul',
    'Minister-Counselor and Consul General',
    'Counselor and Deputy Consul General',
    'Second Secretary and Vice Consul',
    'Counsellor and Head of Chancery',
  ])('recognises %s', recognized);
  // A consul alone is consular staff (a consular-officer), not a diplomatic agent.
  it.each(['Consul', 'Consul General', 'Vice Consul', 'Head of Chancery', 'Consul and First Secretary'])(
    'refuses %s alone or first',
    refused,
  );
});

describe('isDiplomaticTitle — spelling, case, accents and punctuation', () => {
  it.each([
    'ATTACHE',
    'attaché',
    'Attache',
    'defence attache',
    'COUNSELLOR FOR POLITICAL AFFAIRS',
    'charge d affaires a i',
    'CHARGÉ D’AFFAIRES A.I.',
    '  First   Secretary  ',
    'minister_counsellor',
  ])('recognises %s', recognized);
});

describe('isDiplomaticTitle — not diplomatic titles', () => {
  it.each([
    // Service staff and A&T work: not a diplomatic rank.
    'Driver',
    'Chauffeur',
    'Cook',
    'Chief Cook',
    'Clerk',
    'Administrative Officer',
    'Archivist',
    // "Secretary" alone is a clerical post; only First, Second and Third Secretary are ranks.
    'Secretary',
    'Fourth Secretary',
    'Personal Secretary to the Ambassador',
    // A function without a rank, a rank a function cannot precede, a cabinet post.
    'Defense',
    'Political Affairs',
    'Political Secretary',
    'Defense Ambassador',
    'Minister of Foreign Affairs',
    'Counsellor of Ministers',
    // A qualifier or completion alone, or in the wrong place.
    'Assistant',
    'Acting',
    'Attaché Assistant',
    "Chargé d'Affaires Defense",
    'Plenipotentiary',
    'Chargé',
    // Unknown functions and trailing words.
    'Cooking Attaché',
    'First Secretary and',
    'and First Secretary',
    'First Secretary or Driver',
    '',
    '   ',
  ])('refuses %s', refused);
  it('refuses no title at all', () => refused(null));
});

describe('isDiplomaticTitle — cost', () => {
  // Titles are at most 100 characters (member.proto); the grammar must not backtrack badly on them.
  it.each(['political and '.repeat(7) + 'cook', 'counselor and '.repeat(7) + 'cook', 'assistant '.repeat(10) + 'cook'])(
    'refuses a long near-miss quickly: %s',
    (title) => {
      const started = performance.now();
      refused(title);
      expect(performance.now() - started).toBeLessThan(50);
    },
  );
});

describe('isDiplomaticTitle — OFM extends the vocabulary', () => {
  const extended: DiplomaticTitleVocabulary = {
    ...DIPLOMATIC_TITLES,
    functions: [...DIPLOMATIC_TITLES.functions, 'Cyber'],
    qualifiers: [...DIPLOMATIC_TITLES.qualifiers, 'Interim'],
  };
  it('recognises a new function and qualifier once they are in the data', () => {
    expect(isDiplomaticTitle('Interim Cyber Attaché')).toBe(false);
    expect(isDiplomaticTitle('Interim Cyber Attaché', extended)).toBe(true);
  });
});

describe('unrecognizedTitleMessage', () => {
  it('names the title and what would be recognised', () => {
    expect(unrecognizedTitleMessage('Chief Cook')).toBe(
      '«Chief Cook» is not a diplomatic title: a diplomatic agent holds a diplomatic rank (Ambassador, Envoy, ' +
        "Chargé d'Affaires, Deputy Chief of Mission, Deputy Head of Mission, Minister, Minister-Counselor, Counselor, " +
        'First Secretary, Second Secretary, Third Secretary, Attaché), with or without a function ' +
        '("Defense Attaché", "Counselor for Political Affairs") and qualifiers ("Assistant", "Acting")',
    );
  });
  it('says when no title was given', () => {
    expect(unrecognizedTitleMessage(null)).toMatch(/^No title given: a diplomatic agent holds a diplomatic rank/);
  });
});
