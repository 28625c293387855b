// `npx nx g @ofm/tools:service <name>`: a new service on the kit, written and registered. Plain
// CommonJS so that Nx loads it as it is, without a build step.
'use strict';
const path = require('node:path');
const { formatFiles, generateFiles, logger, names } = require('@nx/devkit');
const {
  REGISTRY_FILE,
  KEBAB,
  evaluateServices,
  choosePorts,
  withWrittenService,
  loadGeneratedFiles,
  databaseOf,
} = require('./registry');

const REGENERATE = 'npx nx run @ofm/cli:build && npx ofm registry generate';

/** @param {import('@nx/devkit').Tree} tree */
async function serviceGenerator(tree, options) {
  const name = String(options.name ?? '');
  if (!KEBAB.test(name)) throw new Error(`"${name}" is not a kebab-case name (e.g. sample-records)`);
  const aggregate = String(options.aggregate ?? 'record');
  if (!KEBAB.test(aggregate)) throw new Error(`aggregate "${aggregate}" is not kebab-case`);

  const source = tree.read(REGISTRY_FILE, 'utf8');
  if (source === null) throw new Error(`${REGISTRY_FILE} is missing: run this at the workspace root`);
  const services = evaluateServices(source);
  const known = services.find((s) => s.name === name);
  if (known && !known.planned) throw new Error(`${name} is already a written service (services/${name})`);
  if (tree.exists(`services/${name}`)) throw new Error(`services/${name} exists already`);

  const { grpcPort, httpPort } = choosePorts(services, name, options);
  const summary = options.summary ?? known?.summary ?? name.replace(/-/g, ' ');
  const registry = withWrittenService(source, services, { name, summary, grpcPort, httpPort });
  tree.write(REGISTRY_FILE, registry.source);

  const service = names(name);
  const agg = names(aggregate);
  const timestamp = Date.now();
  generateFiles(tree, path.join(__dirname, 'files'), `services/${name}`, {
    tmpl: '',
    name,
    summary,
    className: service.className,
    propertyName: service.propertyName,
    database: databaseOf(name),
    grpcPort,
    httpPort,
    aggregate: agg.fileName,
    aggregateClass: agg.className,
    aggregateProperty: agg.propertyName,
    aggregateConstant: agg.constantName,
    table: aggregate.replace(/-/g, '_'),
    migrationTimestamp: timestamp,
    migrationClass: `Create${agg.className}${timestamp}`,
  });

  // What `ofm registry generate` writes (databases.sql, compose.yaml, the README table), by its code.
  const generated = loadGeneratedFiles(tree.root);
  if (generated) {
    for (const file of generated) {
      const current = tree.read(file.path, 'utf8') ?? '';
      const expected = file.render(current, registry.services);
      if (expected !== current) tree.write(file.path, expected);
    }
  }
  if (!options.skipFormat) await formatFiles(tree);

  return () => {
    if (!generated) logger.warn(`tools/cli is not built: run \`${REGENERATE}\` to refresh the generated files.`);
    logger.info(
      [
        `services/${name}: gRPC ${grpcPort} (health only), HTTP ${httpPort}, database ${databaseOf(name)}; registered in ${REGISTRY_FILE}.`,
        'Next: npm install (links the new workspace package), bash deploy/local/infra.sh up (its database), then',
        `  npx nx run @ofm/${name}:build && npx ofm migrate && npx jest services/${name}`,
        `and give it its first gRPC service (a .proto under proto/, grpcServices and protoFiles in its registry entry).`,
      ].join('\n'),
    );
  };
}

module.exports = serviceGenerator;
module.exports.default = serviceGenerator;
