// The OpenAPI document for schemathesis, with its patterns spelled for Python.
//
// The served document's patterns are ECMA-262 regular expressions (JSON Schema's dialect, what the
// gateway's ajv runs), and free text uses Unicode property classes (`\p{L}`, `\p{Cc}`, …).
// schemathesis and hypothesis read patterns with Python's `re`, which has no `\p{…}`, so they cannot
// build a value for 22 operations and skip them. The served document stays exact; this copy, for
// the fuzzer only, spells each property class as the very same code points in ranges Python reads
// (`\uXXXX`, `\UXXXXXXXX`), computed from Node's own Unicode tables (those of the Node the gateway
// runs), by testing every code point against the class.
//
// hypothesis does not honour lookaheads when it generates (it builds "a\u0085" from the free-text
// pattern and calls it valid), so the free-text pattern, whose rules are lookaheads, is given as
// its lookahead-free equivalent: empty, or no control character nor surrogate anywhere and at least
// one visible letter or digit (surrogates aside, see EQUIVALENTS). And Python's `$` also matches
// before a final line break, JS's does not: a final `$` is spelled `\Z`.
//
//   node scripts/fuzz/python-patterns.js <openapi.json URL or file> <output file>
const { readFileSync, writeFileSync } = require('node:fs');
const { TEXT_PATTERN } = require('@ofm/kernel');

const LAST_CODE_POINT = 0x10ffff;

const hex = (cp) =>
  cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;

const classes = new Map();

/**
 * The code points one u-flag class matches (`\p{L}`, or `(?!\p{…})[\p{L}\p{N}]`), as the inside
 * of a Python character class.
 */
const rangesOf = (escape) => {
  let found = classes.get(escape);
  if (found === undefined) {
    const test = new RegExp(`^(?:${escape})$`, 'u');
    const ranges = [];
    let start = -1;
    for (let cp = 0; cp <= LAST_CODE_POINT + 1; cp += 1) {
      // A lone surrogate is one code point for a u-flag RegExp, as it is for Python (Cs stays D800–DFFF).
      const inside = cp <= LAST_CODE_POINT && test.test(String.fromCodePoint(cp));
      if (inside && start < 0) start = cp;
      if (!inside && start >= 0) {
        ranges.push(start === cp - 1 ? hex(start) : `${hex(start)}-${hex(cp - 1)}`);
        start = -1;
      }
    }
    if (ranges.length === 0) throw new Error(`${escape} names no code point`);
    found = ranges.join('');
    classes.set(escape, found);
  }
  return found;
};

/**
 * An ECMA pattern with every `\p{…}` / `\P{…}` spelled as code point ranges; the rest is left as it
 * is (Python's `re` reads it alike: groups, lookaheads, `[\s\S]`, lazy quantifiers).
 */
const toPythonPattern = (pattern) => {
  const equivalent = EQUIVALENTS.get(pattern);
  if (equivalent) return equivalent();
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      const property = /^\\[pP]\{[A-Za-z_=]+\}/.exec(pattern.slice(i));
      if (property) {
        const ranges = rangesOf(property[0]);
        out += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
      } else {
        out += pattern.slice(i, i + 2);
        i += 1;
      }
    } else {
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']' && inClass) inClass = false;
      // Only a final $: schemathesis hands `\Z` back to its Rust validator as $ only there.
      out += c === '$' && !inClass && i === pattern.length - 1 ? '\\Z' : c;
    }
  }
  return out;
};

// Patterns whose rules are lookaheads, each with its lookahead-free equivalent (the unit test
// checks that both accept the same texts).
const EQUIVALENTS = new Map([
  [
    TEXT_PATTERN,
    () => {
      // Without Cs: schemathesis checks what it generates with a Rust regex (jsonschema-rs), which
      // cannot name a surrogate and drops such a pattern altogether; and hypothesis never draws a
      // lone surrogate (UTF-8 cannot carry one), so leaving it out admits nothing it would send.
      const free = `[^${rangesOf('\\p{Cc}')}]*`;
      return `^(?:${free}[${rangesOf('(?!\\p{Default_Ignorable_Code_Point})[\\p{L}\\p{N}]')}]${free})?\\Z`;
    },
  ],
]);

/** A copy of the document in which every `pattern` keyword reads as Python would read it alike. */
const rewriteDocument = (node) => {
  if (Array.isArray(node)) return node.map(rewriteDocument);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === 'pattern' && typeof value === 'string' ? toPythonPattern(value) : rewriteDocument(value);
  }
  return out;
};

const main = async ([source, target]) => {
  if (!source || !target) throw new Error('usage: python-patterns.js <openapi.json URL or file> <output file>');
  const text = /^https?:\/\//.test(source)
    ? await fetch(source).then((r) => {
        if (!r.ok) throw new Error(`${source} answered ${r.status}`);
        return r.text();
      })
    : readFileSync(source, 'utf8');
  writeFileSync(target, JSON.stringify(rewriteDocument(JSON.parse(text)), null, 2));
};

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}

module.exports = { toPythonPattern, rewriteDocument };
