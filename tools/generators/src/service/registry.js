// The service registry (libs/registry/src/services.ts) as the generator reads and edits it: the file
// is the source of truth, so it is read from the Tree (TypeScript transpiled, evaluated with no
// imports: services.ts imports only a type), edited as text in the form prettier leaves it, and read
// back to check that the edit says what was meant.
'use strict';
const path = require('node:path');
const vm = require('node:vm');

const REGISTRY_FILE = 'libs/registry/src/services.ts';
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** SERVICES of a services.ts source text. */
const evaluateServices = (source) => {
  const ts = require('typescript');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} };
  vm.runInNewContext(js, {
    module,
    exports: module.exports,
    require: (id) => {
      throw new Error(`${REGISTRY_FILE} may import types only, not ${id}`);
    },
  });
  if (!Array.isArray(module.exports.SERVICES)) throw new Error(`${REGISTRY_FILE} exports no SERVICES array`);
  return module.exports.SERVICES;
};

const portsOf = (entries) => entries.flatMap((s) => [s.httpPort, ...(s.grpcPort === null ? [] : [s.grpcPort])]);

/** The ports of a new service: the planned entry's, else one past the highest of the registry. */
const choosePorts = (services, name, options) => {
  const planned = services.find((s) => s.name === name && s.planned);
  const grpcPort = options.grpcPort ?? planned?.grpcPort ?? Math.max(...services.map((s) => s.grpcPort ?? 0)) + 1;
  const httpPort = options.httpPort ?? planned?.httpPort ?? Math.max(...services.map((s) => s.httpPort)) + 1;
  for (const [what, port] of [
    ['grpcPort', grpcPort],
    ['httpPort', httpPort],
  ]) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${what} ${port} is not a port`);
  }
  if (grpcPort === httpPort) throw new Error(`grpcPort and httpPort are both ${grpcPort}`);
  const taken = portsOf(services.filter((s) => s.name !== name));
  for (const port of [grpcPort, httpPort]) {
    const owner = services.find((s) => s.name !== name && portsOf([s]).includes(port));
    if (taken.includes(port)) throw new Error(`port ${port} is already the registry's port of ${owner.name}`);
  }
  return { grpcPort, httpPort };
};

const databaseOf = (name) => `ofm_${name.replace(/-/g, '_')}`;

/** services.ts with `name` written: the planned entry without `planned` (and with these ports), or a new entry. */
const withWrittenService = (source, services, { name, summary, grpcPort, httpPort }) => {
  const planned = services.find((s) => s.name === name && s.planned);
  let next;
  if (planned) {
    const at = source.indexOf(`\n    name: '${name}',\n`);
    const begin = source.lastIndexOf('\n  {\n', at);
    const end = source.indexOf('\n  },\n', at);
    if (at < 0 || begin < 0 || end < 0) throw new Error(`${REGISTRY_FILE}: cannot find the entry of ${name}`);
    const block = source
      .slice(begin, end)
      .replace(/\n {4}planned: true,[^\n]*/, '')
      .replace(/\n {4}grpcPort: [^\n]*,/, `\n    grpcPort: ${grpcPort},`)
      .replace(/\n {4}httpPort: [^\n]*,/, `\n    httpPort: ${httpPort},`);
    next = source.slice(0, begin) + block + source.slice(end);
  } else {
    const end = source.lastIndexOf('\n];');
    if (end < 0) throw new Error(`${REGISTRY_FILE}: cannot find the end of SERVICES`);
    const entry = [
      '  {',
      `    name: '${name}',`,
      `    summary: '${summary.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}',`,
      `    grpcPort: ${grpcPort},`,
      `    httpPort: ${httpPort},`,
      `    database: '${databaseOf(name)}',`,
      '    publishes: [],',
      '    consumes: [],',
      '    grpcServices: [],',
      '    protoFiles: [],',
      '    calls: [],',
      '  },',
    ].join('\n');
    next = `${source.slice(0, end)}\n${entry}${source.slice(end)}`;
  }
  // Read back: the edit must give exactly the entry meant, and leave every other one as it was.
  const after = evaluateServices(next);
  const entry = after.find((s) => s.name === name);
  const others = (list) => JSON.stringify(list.filter((s) => s.name !== name));
  if (
    !entry ||
    entry.planned ||
    entry.grpcPort !== grpcPort ||
    entry.httpPort !== httpPort ||
    others(after) !== others(services)
  ) {
    throw new Error(`${REGISTRY_FILE}: the edit for ${name} did not give the entry meant; edit it by hand`);
  }
  return { source: next, services: after, entry };
};

/**
 * The files `ofm registry generate` writes, rendered with the CLI's own code (tools/cli/dist) from
 * `services`; null when the CLI is not built.
 */
const loadGeneratedFiles = (root) => {
  const file = path.join(root, 'tools/cli/dist/registry/generated-files.js');
  try {
    return require(file).GENERATED_FILES;
  } catch {
    return null;
  }
};

module.exports = {
  REGISTRY_FILE,
  KEBAB,
  evaluateServices,
  choosePorts,
  withWrittenService,
  loadGeneratedFiles,
  databaseOf,
};
