// Free text (names, addresses, reasons) as OFM stores it. A name is compared, searched and printed
// on an ID card, so two spellings of the same name must be one string (Unicode NFC: "é" typed as
// e + combining accent is the same name as "é"), with no spaces around it. And a name must be
// something a person can read: no control characters (PostgreSQL refuses NUL outright; the others
// break logs, CSV and printed cards) and at least one letter or digit, so that a string of spaces,
// zero-width or other invisible characters ("\u200B\u200B") is no name at all.

/** The stored form of free text: Unicode NFC, without surrounding white space. */
export const normalizeText = (value: string): string => value.normalize('NFC').trim();

// Cc: C0, DEL and C1 controls. Cs: a lone surrogate ("\uD800" is valid JSON but no character).
const CONTROL = /[\p{Cc}\p{Cs}]/u;
// A letter or digit that shows: not one of the code points Unicode says to render as nothing
// (Hangul fillers are letters, and invisible).
const VISIBLE = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/u;

/**
 * The same rule as one regular expression, for JSON Schema (ECMA-262 with the `u` flag, as ajv and
 * OpenAPI 3.1 read patterns): empty, or free of controls and holding a visible letter or digit.
 * Each part scans the string once (a lookahead, then a lazy search), so a long string costs linear
 * time, never the backtracking of `^[^c]*x[^c]*$`.
 */
export const TEXT_PATTERN =
  '^(?:$|(?![\\s\\S]*[\\p{Cc}\\p{Cs}])[\\s\\S]*?(?!\\p{Default_Ignorable_Code_Point})[\\p{L}\\p{N}])';

/** What is wrong with a normalised text, in words that follow its field's name; undefined if nothing. */
export const textProblem = (value: string): string | undefined => {
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (value !== '' && !VISIBLE.test(value))
    return 'must contain a visible letter or digit (not only spaces, punctuation or invisible characters)';
  return undefined;
};
