// Writes src/gen/words.ts: for every vocabulary enum of proto/ (values carrying an
// (ofm.vocabulary.v1.word) option) a readonly array of its words and the union type of them, so the
// services' domain code is typed by the same declaration the wire is checked against.
const { readdirSync, writeFileSync, mkdirSync } = require('node:fs');
const { join, relative, resolve, dirname } = require('node:path');
const protobuf = require('protobufjs');

const protoRoot = resolve(__dirname, '../../../proto');
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith('.proto')
        ? [relative(protoRoot, join(dir, e.name))]
        : [],
  );
const root = new protobuf.Root();
root.resolvePath = (_o, t) =>
  t.startsWith('google/protobuf/')
    ? join(dirname(require.resolve('protobufjs/package.json')), t)
    : t.startsWith('buf/validate/')
      ? join(protoRoot, 'vendor', t)
      : join(protoRoot, t);
root.loadSync(files(join(protoRoot, 'ofm')), { alternateCommentMode: true });
root.resolveAll();

const enums = [];
const walk = (ns) => {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Enum) enums.push(nested);
    else if (nested.nestedArray) walk(nested);
  }
};
walk(root);

const constName = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
const out = ['// Generated from the vocabulary enums of proto/ by scripts/generate-words.js: never edit.', ''];
const seen = new Set();
for (const e of enums) {
  const words = Object.entries(e.values)
    .filter(([, n]) => n !== 0)
    .map(([name]) => e.valuesOptions?.[name]?.['(ofm.vocabulary.v1.word)']);
  if (words.length === 0 || words.every((w) => w === undefined)) continue;
  if (words.some((w) => typeof w !== 'string')) throw new Error(`${e.fullName}: every value but 0 needs a word`);
  if (seen.has(e.name)) throw new Error(`two vocabulary enums are named ${e.name}`);
  seen.add(e.name);
  const c = constName(e.name);
  out.push(`/** ${e.fullName.slice(1)}${e.comment ? `: ${e.comment.replace(/\s+/g, ' ')}` : ''} */`);
  out.push(`export const ${c} = ${JSON.stringify(words)} as const;`);
  out.push(`export type ${e.name} = (typeof ${c})[number];`);
  out.push('');
}
mkdirSync(resolve(__dirname, '../src/gen'), { recursive: true });
writeFileSync(resolve(__dirname, '../src/gen/words.ts'), out.join('\n'));
console.log(`words.ts: ${seen.size} vocabularies`);
