// Every service of the registry has its container in compose.yaml, read-only with /tmp writable
// and a healthcheck; written ones run by default, planned ones only under the "all" profile.
// usage: node scripts/deploy-images/compose-services.js deploy/compose.yaml (after the build)
'use strict';
const { readFileSync } = require('node:fs');
const { parse } = require('yaml');
const { SERVICES } = require('@ofm/registry');

const compose = parse(readFileSync(process.argv[2], 'utf8'), { merge: true });
const problems = [];
for (const s of SERVICES) {
  const c = compose.services?.[s.name];
  if (!c) {
    problems.push(`${s.name}: no container`);
    continue;
  }
  if (c.read_only !== true) problems.push(`${s.name}: read_only is not true`);
  if (!(c.tmpfs ?? []).includes('/tmp')) problems.push(`${s.name}: /tmp is not a tmpfs (HOME=/tmp)`);
  if (!Array.isArray(c.healthcheck?.test) || c.healthcheck.disable) problems.push(`${s.name}: no healthcheck`);
  if (c.build?.args?.SERVICE !== s.name) problems.push(`${s.name}: built with SERVICE=${c.build?.args?.SERVICE}`);
  const profiled = (c.profiles ?? []).includes('all');
  if (Boolean(s.planned) !== profiled)
    problems.push(`${s.name}: ${s.planned ? 'planned but runs by default' : 'written but behind a profile'}`);
}
for (const p of problems) process.stderr.write(`${p}\n`);
process.stdout.write(`${SERVICES.length} services checked, ${problems.length} problem(s)\n`);
process.exit(problems.length > 0 ? 1 : 0);
