#!/usr/bin/env node
// Lays out what one service needs at run time, for the runtime stage of deploy/docker/Dockerfile to
// copy in one layer:  node deploy/docker/stage-runtime.js <service> <out-dir>  (run from the repo root,
// after the build and `npm prune --omit=dev`). The layout is the repository's own (services/<name>/dist,
// libs/<lib>/dist, proto/, node_modules/ with its workspace links), because the code finds its files
// relative to __dirname (libs/contracts PROTO_ROOT, the gateway's REPO_ROOT). What is left out:
// sources, tests, the libs and services this one does not load, and what Node never reads from
// node_modules (type declarations, TypeScript sources, source maps): about a third of node_modules.
'use strict';
const {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} = require('node:fs');
const { join, relative } = require('node:path');

const [service, out] = process.argv.slice(2);
if (!service || !out) {
  process.stderr.write('usage: node deploy/docker/stage-runtime.js <service> <out-dir>\n');
  process.exit(2);
}
const root = process.cwd();
// A service, or `cli` (tools/cli, the operator CLI the chart's topic-provisioning Job runs).
const serviceDir = service === 'cli' ? join('tools', 'cli') : join('services', service);
const entries = service === 'cli' ? ['bin/ofm.js', 'dist/main.js'] : ['dist/main.js', 'dist/migrate.js'];
if (!existsSync(join(serviceDir, 'dist', 'main.js'))) {
  process.stderr.write(
    `${serviceDir}/dist/main.js not found: is "${service}" a written service of libs/registry (or cli), built?\n`,
  );
  process.exit(1);
}

// Never executed by Node: declarations, TypeScript sources (type stripping does not apply in
// node_modules) and source maps (the entry point does not enable them).
const NOT_RUN = /\.([cm]?ts|[cm]?js\.map|ts\.map|tsbuildinfo)$/;
const runsOnly = (src) => !NOT_RUN.test(src);

// The workspaces (libs) the service loads: its @ofm/* dependencies, and theirs.
const workspaceOf = (name) => relative(root, realpathSync(join(root, 'node_modules', name)));
const workspaces = new Set([serviceDir]);
const pending = [serviceDir];
while (pending.length > 0) {
  const pkg = JSON.parse(readFileSync(join(pending.pop(), 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@ofm/'))) {
    const dir = workspaceOf(dep);
    if (workspaces.has(dir)) continue;
    workspaces.add(dir);
    pending.push(dir);
  }
}
const linked = new Set([...workspaces].map((dir) => realpathSync(join(root, dir))));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copy = (from, filter = runsOnly) =>
  existsSync(from) && cpSync(from, join(out, from), { recursive: true, verbatimSymlinks: true, filter });

copy('package.json');
cpSync(join(__dirname, 'healthcheck.js'), join(out, 'healthcheck.js'));
copy('proto');
copy('node_modules', (src) => {
  if (!runsOnly(src)) return false;
  const rel = relative('node_modules', src);
  if (rel === '.bin' || rel === '.package-lock.json') return false;
  // Workspace links: only those of the service and its libs (the others would dangle).
  if (rel.startsWith('@ofm/') && rel.split('/').length === 2) {
    return linked.has(realpathSync(src));
  }
  return true;
});
for (const dir of workspaces) {
  for (const part of ['package.json', 'bin', 'dist', 'node_modules']) copy(join(dir, part));
}
// One path for every image: `node service/dist/main.js` (and migrate.js) from the exec-form ENTRYPOINT.
symlinkSync(serviceDir, join(out, 'service'));

for (const entry of entries) {
  if (!existsSync(join(out, 'service', entry))) {
    process.stderr.write(`${serviceDir}/${entry} is missing from the staged image\n`);
    process.exit(1);
  }
}
process.stdout.write(
  `staged ${service} with ${[...workspaces].sort().join(', ')} in ${out}\n` +
    `node_modules: ${readdirSync(join(out, 'node_modules')).length} entries\n`,
);
