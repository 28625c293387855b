// After the e2e tier: every status the platform answered in the suite (OFM_API_ANSWERS, written by
// @ofm/testing's api()) must be one the OpenAPI document declares for that operation.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
require(resolve(__dirname, '../node_modules/reflect-metadata'));
const gateway = resolve(__dirname, '../services/gateway/dist');
const { buildOpenApiDocument } = require(`${gateway}/openapi/openapi.document`);
const { API_CONTROLLERS } = require(`${gateway}/app.module`);

const document = buildOpenApiDocument(API_CONTROLLERS);
const templates = Object.keys(document.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));
const answers = readFileSync(process.argv[2], 'utf8')
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const missing = new Set();
let checked = 0;
for (const { method, path, status } of answers) {
  const bare = path.split('?')[0];
  const found = templates.find((t) => t.regex.test(bare));
  const operation = found && document.paths[found.template][method.toLowerCase()];
  // 404/405 for a path or method the API does not have is the router's, not an operation's.
  if (!operation) continue;
  checked += 1;
  if (!(String(status) in operation.responses)) missing.add(`${method} ${found.template} answered ${status}`);
}
console.log(`documented statuses: ${checked} answers checked against the OpenAPI document`);
if (checked === 0) {
  console.error('no answer of the e2e suite was recorded: the check would prove nothing');
  process.exit(1);
}
if (missing.size) {
  console.error(`not documented:\n  ${[...missing].join('\n  ')}`);
  process.exit(1);
}
