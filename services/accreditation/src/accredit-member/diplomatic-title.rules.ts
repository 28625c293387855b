import { DIPLOMATIC_TITLES, type DiplomaticRank, type DiplomaticTitleVocabulary } from './diplomatic-titles';

// A diplomatic title as an officer reads one: a rank, with or without a function before or after it
// ("Defense Attaché", "Counselor for Political Affairs"), after any qualifiers ("Assistant",
// "Acting"), possibly held together with another ("First Secretary and Consul"). The words come from
// the vocabulary (diplomatic-titles.ts); this file only knows how they combine.

// Lower case, no accents, punctuation as spaces, other spellings folded: "Chargé d'Affaires, a.i.",
// "charge d’affaires a i" and "CHARGE D AFFAIRES A.I." are one key.
const key = (text: string, spellings: Readonly<Record<string, string>>): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => spellings[word] ?? word)
    .join(' ');

// Keys are letters, digits and single spaces only, so they need no escaping. Longest first, so
// "air force" is tried before "air".
const anyOf = (phrases: readonly string[], v: DiplomaticTitleVocabulary): string =>
  `(?:${phrases
    .map((p) => key(p, v.spellings))
    .sort((a, b) => b.length - a.length)
    .join('|')})`;

const grammar = (v: DiplomaticTitleVocabulary): RegExp => {
  const qualifiers = `(?:${anyOf(v.qualifiers, v)} )*`;
  const fn = anyOf(v.functions, v);
  const functions = `${fn}(?: and ${fn})*`;
  // "for Political Affairs", "(Political)", ", Political Section".
  const functionAfter = `(?: (?:for )?${functions}(?: affairs| section)?)?`;
  const rank = (r: DiplomaticRank): string =>
    qualifiers +
    (r.functionBefore ? `(?:${functions} )?` : '') +
    key(r.title, v.spellings) +
    (r.completions?.length ? `(?: ${anyOf(r.completions, v)})?` : '') +
    (r.functionAfter ? functionAfter : '');
  const ranked = `(?:${v.ranks.map(rank).join('|')})`;
  const concurrent = `(?:${qualifiers}${anyOf(v.concurrentTitles, v)})`;
  return new RegExp(`^${ranked}(?: and (?:${ranked}|${concurrent}))*$`);
};

// One compiled grammar per vocabulary: the rule runs on every accreditation decision.
const grammars = new WeakMap<DiplomaticTitleVocabulary, RegExp>();
const grammarOf = (v: DiplomaticTitleVocabulary): RegExp => {
  let compiled = grammars.get(v);
  if (!compiled) grammars.set(v, (compiled = grammar(v)));
  return compiled;
};

export const isDiplomaticTitle = (
  title: string | null | undefined,
  vocabulary: DiplomaticTitleVocabulary = DIPLOMATIC_TITLES,
): boolean => !!title && grammarOf(vocabulary).test(key(title, vocabulary.spellings));

// The refusal names the title it did not recognise and says what would be, so the mission can
// correct the notification without calling OFM.
export const unrecognizedTitleMessage = (
  title: string | null | undefined,
  vocabulary: DiplomaticTitleVocabulary = DIPLOMATIC_TITLES,
): string =>
  `${title ? `«${title}» is not a diplomatic title` : 'No title given'}: a diplomatic agent holds a diplomatic rank ` +
  `(${vocabulary.ranks.map((r) => r.title).join(', ')}), with or without a function ` +
  `("Defense Attaché", "Counselor for Political Affairs") and qualifiers ("Assistant", "Acting")`;
