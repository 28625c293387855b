#!/usr/bin/env node
// The `ofm` bin. Committed (not built) so that the link npm makes at `npm ci` time has a target;
// npm skips a bin whose file is missing, and `npx ofm` then asks the registry for a package `ofm`.
'use strict';
const { existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  const root = join(__dirname, '..', '..', '..');
  const shown = relative(process.cwd(), main).startsWith('..') ? main : relative(process.cwd(), main);
  process.stderr.write(
    `ofm: ${shown} is missing: the CLI is not built yet.\n` +
      `ofm: run \`npm run build\` first (in ${root}), or \`npm run up\`, which builds everything.\n`,
  );
  process.exit(1);
}
require(main);
