import { normalizeText, TEXT_PATTERN, textProblem } from './text';

const pattern = new RegExp(TEXT_PATTERN, 'u');
const CONTROLS = 'must not contain control characters';
const INVISIBLE = 'must contain a visible letter or digit (not only spaces, punctuation or invisible characters)';

describe('normalizeText', () => {
  it('composes to Unicode NFC, so one name has one spelling', () => {
    expect(normalizeText('Zoe\u0308')).toBe('Zo\u00EB');
    expect(normalizeText('Zo\u00EB')).toBe('Zo\u00EB');
  });

  it('trims white space of every kind around the text, and keeps it inside', () => {
    expect(normalizeText('  Claire Marie\t')).toBe('Claire Marie');
    expect(normalizeText('\u00A0\u3000Claire\u2003')).toBe('Claire');
    expect(normalizeText('   ')).toBe('');
  });

  it('leaves invisible characters for the rules to name (trim is not a filter)', () => {
    expect(normalizeText('\u200B\u200B')).toBe('\u200B\u200B');
  });
});

describe('textProblem and TEXT_PATTERN (the same rule)', () => {
  it.each([
    'Claire',
    'Zo\u00EB',
    'O\u2019Brien-Smith',
    '\u674E\u5C0F\u9F99', // 李小龙
    '\u0645\u062D\u0645\u062F', // Arabic
    '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', // Persian with a zero-width non-joiner inside
    'Jos\u00E9 Mar\u00EDa',
    '4101 Reservoir Road NW',
    'GX-1',
    '',
  ])('accepts %j', (text) => {
    expect(textProblem(text)).toBeUndefined();
    expect(pattern.test(text)).toBe(true);
  });

  it.each([
    ['D\u0000', CONTROLS],
    ['\u0000', CONTROLS],
    ['line\nbreak', CONTROLS],
    ['tab\there', CONTROLS],
    ['esc\u001B[31m', CONTROLS],
    ['del\u007F', CONTROLS],
    ['c1\u0085', CONTROLS],
    ['lone \uD800 surrogate', CONTROLS],
    ['\u200B\u200B', INVISIBLE],
    ['\u200D', INVISIBLE],
    ['\uFEFF', INVISIBLE],
    ['\u2060\u2061', INVISIBLE],
    ['\u3164', INVISIBLE], // Hangul filler: a letter that renders as nothing
    ['\u0301\u0301', INVISIBLE], // combining marks alone
    ['---', INVISIBLE],
    ['\u00A0', INVISIBLE],
  ])('refuses %j: %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
    expect(pattern.test(text)).toBe(false);
  });

  it('checks a megabyte in linear time (no backtracking on a long string)', () => {
    for (const long of ['a'.repeat(1_000_000) + '\u0000', '\u200B'.repeat(1_000_000), '-'.repeat(1_000_000)]) {
      const started = process.hrtime.bigint();
      expect(pattern.test(long)).toBe(false);
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
    }
  });
});
